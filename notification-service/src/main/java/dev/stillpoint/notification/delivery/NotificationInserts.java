package dev.stillpoint.notification.delivery;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import dev.stillpoint.support.TraceParents;
import dev.stillpoint.support.work.WorkSignals;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
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
            values (:id, :bookingId, :bookingVersion, :kind, :recipient, :timeZone, :eventType, :event::json,
                :status, :reason, :dueAt, :expiresAt, :dueAt, :messageId, :now, :traceParent)
            on conflict do nothing""";

    private final NamedParameterJdbcTemplate jdbc;

    private final Clock clock;

    private final String messageIdDomain;

    private final TraceParents traceParents;

    private final WorkSignals signals;

    NotificationInserts(NamedParameterJdbcTemplate jdbc, Clock clock, MessageIdDomain messageIdDomain,
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
        SqlParameterSource[] rows = notifications.stream().map((queued) -> row(queued, now, currentTrace))
            .toArray(SqlParameterSource[]::new);
        int[] counts = this.jdbc.batchUpdate(INSERT, rows);
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

    private MapSqlParameterSource row(QueuedNotification queued, Timestamp now, String currentTrace) {
        NewNotification notification = queued.notification();
        return new MapSqlParameterSource()
            .addValue("id", notification.id())
            .addValue("bookingId", notification.bookingId())
            .addValue("bookingVersion", notification.bookingVersion())
            .addValue("kind", notification.kind())
            .addValue("recipient", notification.recipient())
            .addValue("timeZone", notification.timeZone())
            .addValue("eventType", notification.eventType())
            .addValue("event", notification.event())
            .addValue("status", queued.status().name())
            .addValue("reason", queued.reason(), Types.VARCHAR)
            .addValue("dueAt", Timestamp.from(notification.dueAt()))
            .addValue("expiresAt", (notification.expiresAt() != null) ? Timestamp.from(notification.expiresAt()) : null,
                    Types.TIMESTAMP)
            .addValue("messageId", "<" + notification.id() + "@" + this.messageIdDomain + ">")
            .addValue("now", now)
            .addValue("traceParent", (queued.traceParent() != null) ? queued.traceParent() : currentTrace, Types.VARCHAR);
    }

}
