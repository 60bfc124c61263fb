package dev.stillpoint.notification.delivery;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import dev.stillpoint.support.TraceParents;
import dev.stillpoint.support.work.WorkSignals;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds notifications to the queue in the transaction of the event that caused them, every row of a batch of events
 * in one JDBC batch (one round trip to PostgreSQL, not one per email), and wakes the dispatchers after the commit
 * when one is due now.
 */
@Repository
public class NotificationInserts {

    private static final String INSERT = """
            insert into notification (id, booking_id, booking_version, kind, recipient, time_zone, event_type, event,
                status, reason, due_at, expires_at, next_attempt_at, message_id, created_at, trace_parent)
            values (?, ?, ?, ?, ?, ?, ?, ?::json, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict do nothing""";

    /**
     * The SQL type of each of {@link #INSERT}'s parameters, given so that nothing is looked up or guessed per row:
     * binding named parameters row by row was 14% of notification-service's CPU while it drained a backlog.
     */
    private static final int[] TYPES = { Types.OTHER, Types.OTHER, Types.BIGINT, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP, Types.TIMESTAMP,
            Types.TIMESTAMP, Types.VARCHAR, Types.TIMESTAMP, Types.VARCHAR };

    private final JdbcTemplate jdbc;

    private final Clock clock;

    private final String messageIdDomain;

    private final TraceParents traceParents;

    private final WorkSignals signals;

    NotificationInserts(JdbcTemplate jdbc, Clock clock, MessageIdDomain messageIdDomain,
            TraceParents traceParents, WorkSignals signals) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.messageIdDomain = messageIdDomain.value();
        this.traceParents = traceParents;
        this.signals = signals;
    }

    /**
     * Adds each notification unless it exists already (the same booking, version and kind); returns those added, in
     * the order given.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<QueuedNotification> addAll(List<QueuedNotification> notifications) {
        if (notifications.isEmpty()) {
            return List.of();
        }
        Timestamp now = Timestamp.from(this.clock.instant());
        String currentTrace = this.traceParents.current();
        List<Object[]> rows = notifications.stream().map((queued) -> row(queued, now, currentTrace)).toList();
        int[] counts = this.jdbc.batchUpdate(INSERT, rows, TYPES);
        List<QueuedNotification> added = new ArrayList<>(notifications.size());
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 1) {
                added.add(notifications.get(i));
            }
        }
        if (added.stream().anyMatch((queued) -> queued.status() == NotificationStatus.PENDING)) {
            this.signals.signal(DeliveryPolling.DISPATCHER);
        }
        return added;
    }

    private Object[] row(QueuedNotification queued, Timestamp now, String currentTrace) {
        NewNotification notification = queued.notification();
        Timestamp dueAt = Timestamp.from(notification.dueAt());
        return new Object[] { notification.id(), notification.bookingId(), notification.bookingVersion(),
                notification.kind(), notification.recipient(), notification.timeZone(), notification.eventType(),
                notification.event(), queued.status().name(), queued.reason(), dueAt,
                (notification.expiresAt() != null) ? Timestamp.from(notification.expiresAt()) : null, dueAt,
                "<" + notification.id() + "@" + this.messageIdDomain + ">", now,
                (queued.traceParent() != null) ? queued.traceParent() : currentTrace };
    }

}
