package dev.stillpoint.support.work;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * "Wake me, or poll every N": runs its {@link Work} on a thread of its own as soon as it is {@linkplain #wake() woken}
 * (by {@link WorkSignals} after the commit that made work due, in this instance or another), and otherwise every
 * {@code safetyPoll} at the latest, as a backstop for a signal that was lost (an instance that died between commit and
 * signal, a notification connection that was down). A failing round is logged and tried again at the next wake-up or
 * safety poll. Declare one as a bean: it starts and stops with the application context.
 */
public final class Poller implements SmartLifecycle {

    private static final Logger logger = LoggerFactory.getLogger(Poller.class);

    private final String name;

    private final Duration safetyPoll;

    private final Work work;

    private final AtomicBoolean woken = new AtomicBoolean();

    private volatile boolean running;

    private volatile Thread thread;

    Poller(String name, Duration safetyPoll, Work work) {
        this.name = name;
        this.safetyPoll = safetyPoll;
        this.work = work;
    }

    public String name() {
        return this.name;
    }

    /** Runs the work as soon as the thread is free (at once if it is waiting); wake-ups in between coalesce. */
    public void wake() {
        this.woken.set(true);
        Thread waiting = this.thread;
        if (waiting != null) {
            LockSupport.unpark(waiting);
        }
    }

    private void loop() {
        Duration wait = Work.AGAIN;
        while (this.running) {
            if (!wait.isZero()) {
                await((wait.compareTo(this.safetyPoll) < 0) ? wait : this.safetyPoll);
            }
            this.woken.set(false);
            if (!this.running) {
                break;
            }
            try {
                wait = this.work.run();
            }
            catch (RuntimeException ex) {
                logger.warn("{} failed, will try again: {}", this.name, ex.getMessage());
                wait = Work.WHEN_WOKEN;
            }
        }
    }

    private void await(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        long left;
        while (this.running && !this.woken.get() && (left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(this, left);
        }
    }

    @Override
    public void start() {
        this.running = true;
        Thread started = new Thread(this::loop, this.name);
        started.setDaemon(true);
        this.thread = started;
        started.start();
    }

    @Override
    public void stop() {
        this.running = false;
        Thread stopping = this.thread;
        if (stopping != null) {
            LockSupport.unpark(stopping);
            try {
                // a round in progress finishes (a batch settles); Kafka and SMTP waits inside it are bounded
                stopping.join(TimeUnit.SECONDS.toMillis(30));
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        this.thread = null;
    }

    @Override
    public boolean isRunning() {
        return this.running;
    }

    @Override
    public String toString() {
        return "Poller " + this.name + " (safety poll " + this.safetyPoll + ")";
    }

}
