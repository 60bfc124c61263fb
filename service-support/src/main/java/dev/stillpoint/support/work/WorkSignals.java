package dev.stillpoint.support.work;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes a {@link Poller} when work becomes due because of a commit: at once in this instance (after the commit), and
 * in every other instance of the service through PostgreSQL's {@code LISTEN/NOTIFY} on a channel named after the
 * service's schema, sent by one listening connection per instance for the signals of the last {@link #COALESCE}.
 * Written by hand because it is small and no library offers it for plain JDBC; the pollers' safety poll covers a
 * notification lost while the listening connection was down.
 */
public final class WorkSignals implements SmartLifecycle {

    private static final Logger logger = LoggerFactory.getLogger(WorkSignals.class);

    private static final Duration RECONNECT = Duration.ofSeconds(2);

    /**
     * How long signals gather before the listening connection tells the other instances, once per poller name: no
     * business transaction carries a NOTIFY (which PostgreSQL serialises at commit), and a burst of commits costs one.
     */
    static final Duration COALESCE = Duration.ofMillis(50);

    private final Map<String, Poller> pollers = new ConcurrentHashMap<>();

    private final Set<String> toNotify = ConcurrentHashMap.newKeySet();

    private final DataSource dataSource;

    private volatile boolean running;

    private volatile Thread listener;

    private volatile boolean listening;

    /** Signals across instances through {@code dataSource}'s PostgreSQL; with null, within this JVM only. */
    public WorkSignals(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A poller that {@link #signal(String) signal(name)} wakes; declare it as a bean so that it starts and stops. */
    public Poller poller(String name, Duration safetyPoll, Work work) {
        Poller poller = new Poller(name, safetyPoll, work);
        if (this.pollers.putIfAbsent(name, poller) != null) {
            throw new IllegalStateException("A poller named " + name + " exists already");
        }
        return poller;
    }

    /**
     * Work for the poller {@code name} is due once the current transaction commits (at once outside a transaction):
     * wakes it here right after the commit, and in every other instance within {@link #COALESCE} of it.
     */
    public void signal(String name) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    committed(name);
                }
            });
        }
        else {
            committed(name);
        }
    }

    private void committed(String name) {
        wakeHere(name);
        if (this.dataSource != null) {
            this.toNotify.add(name);
        }
    }

    /** Wakes the poller {@code name} of this instance only, at once (say, because work of its own just ended). */
    public void wakeHere(String name) {
        Poller poller = this.pollers.get(name);
        if (poller != null) {
            poller.wake();
        }
    }

    private void listen() {
        while (this.running) {
            try (Connection connection = this.dataSource.getConnection()) {
                String channel;
                int ownProcess;
                try (Statement statement = connection.createStatement()) {
                    try (ResultSet schema = statement.executeQuery("select current_schema(), pg_backend_pid()")) {
                        schema.next();
                        channel = schema.getString(1);
                        ownProcess = schema.getInt(2);
                    }
                    statement.execute("listen \"" + channel.replace("\"", "\"\"") + "\"");
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                logger.debug("Listening for work signals on channel {}", channel);
                // a signal may have come while nobody listened: every poller looks once
                this.pollers.values().forEach(Poller::wake);
                this.listening = true;
                while (this.running) {
                    PGNotification[] received = notifications.getNotifications((int) COALESCE.toMillis());
                    if (received != null) {
                        for (PGNotification notification : received) {
                            if (notification.getPID() != ownProcess) {
                                wakeHere(notification.getParameter());
                            }
                        }
                    }
                    notifyOthers(connection, channel);
                }
            }
            catch (SQLException | RuntimeException ex) {
                this.listening = false;
                if (this.running) {
                    logger.warn("Not listening for other instances' work signals (safety polls continue), will retry: {}",
                            ex.getMessage());
                    java.util.concurrent.locks.LockSupport.parkNanos(RECONNECT.toNanos());
                }
            }
        }
    }

    private void notifyOthers(Connection connection, String channel) throws SQLException {
        if (this.toNotify.isEmpty()) {
            return;
        }
        try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
            for (String name : List.copyOf(this.toNotify)) {
                this.toNotify.remove(name);
                notify.setString(1, channel);
                notify.setString(2, name);
                notify.execute();
            }
        }
    }

    /** Whether notifications from other instances reach this one now. */
    boolean listening() {
        return this.listening;
    }

    @Override
    public void start() {
        this.running = true;
        if (this.dataSource != null) {
            Thread thread = new Thread(this::listen, "work-signals");
            thread.setDaemon(true);
            this.listener = thread;
            thread.start();
        }
    }

    @Override
    public void stop() {
        this.running = false;
        Thread thread = this.listener;
        if (thread != null) {
            try {
                thread.join(RECONNECT.toMillis());
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        this.listener = null;
    }

    @Override
    public boolean isRunning() {
        return this.running;
    }

}
