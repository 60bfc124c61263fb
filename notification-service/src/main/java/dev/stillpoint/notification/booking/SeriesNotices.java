package dev.stillpoint.notification.booking;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import dev.stillpoint.events.booking.BookingDetails;
import dev.stillpoint.events.booking.BookingEvent;
import dev.stillpoint.events.booking.BookingEventType;
import dev.stillpoint.notification.delivery.NewNotification;
import dev.stillpoint.notification.delivery.NotificationInserts;
import dev.stillpoint.notification.delivery.QueuedNotification;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One email for a weekly series where each session would have had its own ({@link SeriesNotice}). Each session's
 * own email is recorded SKIPPED (its timeline says why); once every session of the series has come that far, one
 * email covers them all. The sessions' events are keyed by booking and may be handled side by side, each in a
 * transaction of its own: each takes a lock on the series (a PostgreSQL advisory lock, released at commit), so that
 * whichever comes last sees all the others; the series email's id is derived from the series and the notice, so that
 * it exists once.
 */
@Component
class SeriesNotices {

    static final String EVENT_TYPE = "dev.stillpoint.notification.series.v1";

    private final JdbcClient jdbc;

    private final NotificationInserts inserts;

    private final JsonMapper json;

    SeriesNotices(JdbcClient jdbc, NotificationInserts inserts, JsonMapper json) {
        this.jdbc = jdbc;
        this.inserts = inserts;
        this.json = json;
    }

    /**
     * Queues the series' {@code notice} if every session of it has come that far now; within the transaction that
     * recorded {@code event}'s own, skipped, email.
     */
    void queueIfComplete(SeriesNotice notice, BookingEvent event, String traceParent, Instant now) {
        BookingDetails.Series series = event.booking().series();
        this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param("series:" + series.id())
            .query((rs, row) -> 1).list();
        // confirmed or held: as the session's first event said; decided: as its newest says
        int version = (notice == SeriesNotice.SERIES_DECIDED) ? 0 : 1;
        List<StoredEvent> sessions = events(series.id(), version).stream()
            .filter((session) -> notice.counts(session.read(this.json)))
            .sorted(Comparator.comparingInt((StoredEvent each) -> each.read(this.json).booking().series().occurrence()))
            .toList();
        if (sessions.size() < series.occurrences()
                || (notice == SeriesNotice.SERIES_DECIDED && !heldAndDecided(series.id(), sessions))) {
            return;
        }
        BookingDetails.Client client = event.booking().client();
        this.inserts.addAll(List.of(QueuedNotification.pending(new NewNotification(series.id(), 1, notice.name(),
                client.email(), client.timeZone(), EVENT_TYPE, this.json.writeValueAsString(new Sessions(sessions)),
                now), traceParent)));
    }

    /**
     * After a session of a series is cancelled: if the series was held for review and this was the last session
     * waiting, the decision on the others is now complete.
     */
    void afterCancellation(BookingEvent event, String traceParent, Instant now) {
        queueIfComplete(SeriesNotice.SERIES_DECIDED, event, traceParent, now);
    }

    /** A held series (its sessions' own "held" emails gave way to one), with a decision on at least one session. */
    private boolean heldAndDecided(UUID seriesId, List<StoredEvent> sessions) {
        boolean decided = sessions.stream().map((session) -> session.read(this.json).booking().status())
            .anyMatch((status) -> status.equals("CONFIRMED") || status.equals("DECLINED"));
        return decided && this.jdbc.sql("""
                select count(*) from notification n join booking_state s on s.booking_id = n.booking_id
                where s.series_id = ? and n.kind = 'BOOKING_HELD' and n.status = 'SKIPPED'""")
            .param(seriesId).query(Integer.class).single() > 0;
    }

    /** Each session of the series as its event of {@code version} left it; as its newest did for version 0. */
    private List<StoredEvent> events(UUID seriesId, int version) {
        return this.jdbc.sql("""
                select n.event_type, n.event from booking_state s
                join notification n on n.booking_id = s.booking_id and n.kind like 'BOOKING_%'
                    and n.booking_version = (case when ? = 0 then s.version else ? end)
                where s.series_id = ?""")
            .params(version, version, seriesId)
            .query((rs, row) -> new StoredEvent(rs.getString(1), rs.getString(2)))
            .list();
    }

    /** A session's event as the notification that it caused keeps it. */
    record StoredEvent(String eventType, String event) {

        BookingEvent read(JsonMapper json) {
            return json.readValue(this.event, BookingEventType.fromCeType(this.eventType).orElseThrow().javaType());
        }

    }

    /** What a series email is written from: each session's event, in the order of the series. */
    record Sessions(List<StoredEvent> sessions) {

        List<BookingEvent> read(JsonMapper json) {
            return this.sessions.stream().map((session) -> session.read(json)).toList();
        }

    }

}
