package dev.stillpoint.notification.booking;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.stillpoint.events.booking.BookingDetails;
import dev.stillpoint.events.booking.BookingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/** Each booking as the newest event applied so far left it. */
@Repository
class BookingStates {

    private static final Logger logger = LoggerFactory.getLogger(BookingStates.class);

    private final NamedParameterJdbcTemplate jdbc;

    BookingStates(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records each booking as its events leave it, in the order given (one JDBC batch), skipping an event when one of
     * the same or a later version was applied already; returns the events that were newer, in the order given.
     */
    List<ReceivedEvent> advance(List<ReceivedEvent> received, Instant now) {
        SqlParameterSource[] rows = received.stream().map((each) -> row(each.event(), now))
            .toArray(SqlParameterSource[]::new);
        int[] counts = this.jdbc.batchUpdate("""
                insert into booking_state (booking_id, version, status, starts_at, series_id, updated_at)
                values (:bookingId, :version, :status, :startsAt, :seriesId, :now)
                on conflict (booking_id) do update set version = excluded.version, status = excluded.status,
                    starts_at = excluded.starts_at, series_id = excluded.series_id, updated_at = excluded.updated_at
                where booking_state.version < excluded.version""", rows);
        List<ReceivedEvent> newer = new ArrayList<>(received.size());
        for (int i = 0; i < counts.length; i++) {
            BookingEvent event = received.get(i).event();
            if (counts[i] == 1) {
                newer.add(received.get(i));
            }
            else {
                logger.info("Event {} for booking {} is at version {}, not newer than what was applied; ignoring it",
                        event.eventId(), event.bookingId(), event.bookingVersion());
            }
        }
        return newer;
    }

    private static SqlParameterSource row(BookingEvent event, Instant now) {
        BookingDetails booking = event.booking();
        UUID seriesId = (booking.series() != null) ? booking.series().id() : null;
        return new MapSqlParameterSource()
            .addValue("bookingId", event.bookingId())
            .addValue("version", event.bookingVersion())
            .addValue("status", booking.status())
            .addValue("startsAt", Timestamp.from(booking.startsAt()))
            .addValue("seriesId", seriesId, Types.OTHER)
            .addValue("now", Timestamp.from(now));
    }

}
