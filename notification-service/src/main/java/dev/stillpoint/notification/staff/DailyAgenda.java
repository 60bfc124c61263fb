package dev.stillpoint.notification.staff;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import dev.stillpoint.events.booking.BookingDetails;
import dev.stillpoint.events.booking.BookingEventType;
import dev.stillpoint.notification.delivery.NewNotification;
import dev.stillpoint.notification.delivery.NotificationInserts;
import dev.stillpoint.notification.delivery.QueuedNotification;
import dev.stillpoint.support.practice.PracticeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The practice's agenda for a day: every confirmed session, in order, as the newest event of each booking left it.
 * Queued once per day (its id is derived from the date, so a second run queues nothing), written when it is sent.
 */
@Component
class DailyAgenda {

    static final String KIND = "STAFF_DAILY_AGENDA";

    static final String EVENT_TYPE = "dev.stillpoint.notification.agenda.v1";

    private static final Logger logger = LoggerFactory.getLogger(DailyAgenda.class);

    private final JdbcClient jdbc;

    private final NotificationInserts inserts;

    private final JsonMapper json;

    private final StaffAlerts alerts;

    private final ZoneId zone;

    private final Clock clock;

    DailyAgenda(JdbcClient jdbc, NotificationInserts inserts, JsonMapper json, StaffAlerts alerts,
            PracticeProperties practice, Clock clock) {
        this.jdbc = jdbc;
        this.inserts = inserts;
        this.json = json;
        this.alerts = alerts;
        this.zone = practice.timeZone();
        this.clock = clock;
    }

    /** Queues the agenda of {@code day} for the practice, unless the day has no session or it was queued already. */
    @Transactional
    public void queue(LocalDate day) {
        int sessions = sessions(day).size();
        if (sessions == 0) {
            logger.info("No session on {}: no agenda", day);
            return;
        }
        UUID id = UUID.nameUUIDFromBytes(("staff-daily-agenda:" + day).getBytes(StandardCharsets.UTF_8));
        this.inserts.addAll(List.of(QueuedNotification.pending(new NewNotification(id, 1, KIND,
                this.alerts.recipients(), this.zone.getId(), EVENT_TYPE, this.json.writeValueAsString(new Day(day)),
                this.clock.instant()), null)));
        logger.info("Agenda for {} queued: {} session(s)", day, sessions);
    }

    /** The confirmed sessions starting on {@code day} (the practice's day), earliest first. */
    List<BookingDetails> sessions(LocalDate day) {
        return this.jdbc.sql("""
                select n.event_type, n.event from booking_state s
                join notification n on n.booking_id = s.booking_id and n.booking_version = s.version
                    and n.kind in ('BOOKING_CONFIRMED', 'BOOKING_RESCHEDULED')
                where s.status = 'CONFIRMED' and s.starts_at >= ? and s.starts_at < ?
                order by s.starts_at""")
            .params(Timestamp.from(day.atStartOfDay(this.zone).toInstant()),
                    Timestamp.from(day.plusDays(1).atStartOfDay(this.zone).toInstant()))
            .query((rs, row) -> this.json.readValue(rs.getString(2),
                    BookingEventType.fromCeType(rs.getString(1)).orElseThrow().javaType()).booking())
            .list();
    }

    /** What the agenda's notification records: its day. */
    record Day(LocalDate day) {
    }

}
