package dev.stillpoint.booking.appointment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.stillpoint.booking.session.SessionType;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class BookingRepository {

    private static final String COLUMNS = """
            id, client_name, client_email, client_time_zone, session_type, starts_at, status, newsletter_opt_in,
            screen_aneurysm, screen_cerebral_hemorrhage, screen_bleeding_disorder, screen_intracranial_pressure,
            series_id, series_occurrence, series_occurrences, version, created_at, updated_at""";

    private final JdbcClient jdbc;

    BookingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Booking booking) {
        this.jdbc.sql("insert into booking (" + COLUMNS + ", ends_at) values (:id, :clientName, :clientEmail, "
                + ":clientTimeZone, :sessionType, :startsAt, :status, :newsletterOptIn, :aneurysm, :cerebralHemorrhage, "
                + ":bleedingDisorder, :intracranialPressure, :seriesId, :occurrence, :occurrences, :version, :createdAt, "
                + ":updatedAt, :endsAt)")
            .param("id", booking.id())
            .param("clientName", booking.client().name())
            .param("clientEmail", booking.client().email())
            .param("clientTimeZone", booking.client().timeZone().getId())
            .param("sessionType", booking.sessionType().name())
            .param("startsAt", Timestamp.from(booking.startsAt()))
            .param("endsAt", Timestamp.from(booking.endsAt()))
            .param("status", booking.status().name())
            .param("newsletterOptIn", booking.newsletterOptIn())
            .param("aneurysm", booking.screening().aneurysm())
            .param("cerebralHemorrhage", booking.screening().cerebralHemorrhage())
            .param("bleedingDisorder", booking.screening().bleedingDisorder())
            .param("intracranialPressure", booking.screening().intracranialPressure())
            .param("seriesId", (booking.series() != null) ? booking.series().id() : null)
            .param("occurrence", (booking.series() != null) ? booking.series().occurrence() : null)
            .param("occurrences", (booking.series() != null) ? booking.series().occurrences() : null)
            .param("version", booking.version())
            .param("createdAt", Timestamp.from(booking.createdAt()))
            .param("updatedAt", Timestamp.from(booking.updatedAt()))
            .update();
    }

    /** Saves a changed booking: its start, its status, its version. */
    void update(Booking booking) {
        this.jdbc.sql("update booking set starts_at = :startsAt, ends_at = :endsAt, status = :status, "
                + "version = :version, updated_at = :updatedAt where id = :id")
            .param("id", booking.id())
            .param("startsAt", Timestamp.from(booking.startsAt()))
            .param("endsAt", Timestamp.from(booking.endsAt()))
            .param("status", booking.status().name())
            .param("version", booking.version())
            .param("updatedAt", Timestamp.from(booking.updatedAt()))
            .update();
    }

    Optional<Booking> findById(UUID id) {
        return this.jdbc.sql("select " + COLUMNS + " from booking where id = ?").param(id)
            .query(BookingRepository::map).optional();
    }

    /** Reads a booking and locks it until the transaction ends, so that changes to it are applied one at a time. */
    Optional<Booking> lockById(UUID id) {
        return this.jdbc.sql("select " + COLUMNS + " from booking where id = ? for update").param(id)
            .query(BookingRepository::map).optional();
    }

    /** The sessions of a weekly series, in order. */
    List<Booking> findBySeries(UUID seriesId) {
        return this.jdbc.sql("select " + COLUMNS + " from booking where series_id = ? order by series_occurrence")
            .param(seriesId).query(BookingRepository::map).list();
    }

    /** Whether a live booking other than {@code excludedId} overlaps {@code [start, end)}. */
    boolean overlapsAnother(Instant start, Instant end, UUID excludedId) {
        return this.jdbc.sql("select exists (select 1 from booking where status in ('CONFIRMED', 'PENDING_REVIEW') "
                + "and id <> :excluded and tstzrange(starts_at, ends_at) && tstzrange(:start, :end))")
            .param("excluded", excludedId)
            .param("start", Timestamp.from(start))
            .param("end", Timestamp.from(end))
            .query(Boolean.class).single();
    }

    /**
     * How many sessions, booked or held, the address has ahead of {@code now}; locks the address (for the rest of the
     * transaction) so that two bookings at once cannot both slip under a cap.
     */
    int lockAndCountUpcoming(String email, Instant now) {
        this.jdbc.sql("select pg_advisory_xact_lock(hashtext(lower(?)))").param(email).query((rs, row) -> row).list();
        return this.jdbc.sql("select count(*) from booking where lower(client_email) = lower(?) "
                + "and status in ('CONFIRMED', 'PENDING_REVIEW') and starts_at > ?")
            .param(email).param(Timestamp.from(now)).query(Integer.class).single();
    }

    /** Live bookings (confirmed or held) that overlap {@code [from, to)}, in order of time. */
    List<Booking> findLiveBetween(Instant from, Instant to) {
        return this.jdbc.sql("select " + COLUMNS + " from booking where status in ('CONFIRMED', 'PENDING_REVIEW') "
                + "and tstzrange(starts_at, ends_at) && tstzrange(:from, :to) order by starts_at")
            .param("from", Timestamp.from(from))
            .param("to", Timestamp.from(to))
            .query(BookingRepository::map).list();
    }

    /** Bookings waiting for the practitioner's review that have not started yet, soonest first. */
    List<Booking> findHeldFrom(Instant from) {
        return this.jdbc.sql("select " + COLUMNS + " from booking where status = 'PENDING_REVIEW' and starts_at > ? "
                + "order by starts_at")
            .param(Timestamp.from(from)).query(BookingRepository::map).list();
    }

    private static BookingSeries series(ResultSet rs) throws SQLException {
        UUID seriesId = rs.getObject("series_id", UUID.class);
        return (seriesId != null)
                ? new BookingSeries(seriesId, rs.getInt("series_occurrence"), rs.getInt("series_occurrences")) : null;
    }

    private static Booking map(ResultSet rs, int row) throws SQLException {
        Client client = new Client(rs.getString("client_name"), rs.getString("client_email"),
                ZoneId.of(rs.getString("client_time_zone")));
        Screening screening = new Screening(rs.getBoolean("screen_aneurysm"), rs.getBoolean("screen_cerebral_hemorrhage"),
                rs.getBoolean("screen_bleeding_disorder"), rs.getBoolean("screen_intracranial_pressure"));
        return new Booking(rs.getObject("id", UUID.class), client, SessionType.valueOf(rs.getString("session_type")),
                rs.getTimestamp("starts_at").toInstant(), BookingStatus.valueOf(rs.getString("status")),
                rs.getBoolean("newsletter_opt_in"), screening, series(rs), rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

}
