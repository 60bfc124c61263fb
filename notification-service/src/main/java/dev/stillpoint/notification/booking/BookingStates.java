package dev.stillpoint.notification.booking;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import dev.stillpoint.events.booking.BookingDetails;
import dev.stillpoint.events.booking.BookingEvent;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each booking as the newest event applied so far left it. */
@Repository
class BookingStates {

    private final JdbcClient jdbc;

    BookingStates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the booking as {@code event} leaves it, unless an event of the same or a later version was applied
     * already; returns whether it was newer.
     */
    boolean advance(BookingEvent event, Instant now) {
        BookingDetails booking = event.booking();
        UUID seriesId = (booking.series() != null) ? booking.series().id() : null;
        return this.jdbc.sql("""
                insert into booking_state (booking_id, version, status, starts_at, series_id, updated_at)
                values (:bookingId, :version, :status, :startsAt, :seriesId, :now)
                on conflict (booking_id) do update set version = excluded.version, status = excluded.status,
                    starts_at = excluded.starts_at, series_id = excluded.series_id, updated_at = excluded.updated_at
                where booking_state.version < excluded.version""")
            .param("bookingId", event.bookingId())
            .param("version", event.bookingVersion())
            .param("status", booking.status())
            .param("startsAt", Timestamp.from(booking.startsAt()))
            .param("seriesId", seriesId)
            .param("now", Timestamp.from(now))
            .update() == 1;
    }

}
