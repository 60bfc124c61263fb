package dev.stillpoint.notification.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads what happened to each notification: what staff and ops look at when a client says "I never got it". */
@Repository
public class DeliveryLog {

    private static final String SELECT = """
            select id, booking_id, booking_version, kind, recipient, time_zone, status, reason, due_at, sent_at,
                message_id, attempts, last_error, bounce, bounced_at from notification""";

    private final JdbcClient jdbc;

    DeliveryLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every notification of a booking, in the order they are (or were) due. */
    public List<LoggedNotification> forBooking(UUID bookingId) {
        return this.jdbc.sql(SELECT + " where booking_id = ? order by due_at, booking_version, seq")
            .param(bookingId)
            .query(DeliveryLog::map)
            .list();
    }

    /**
     * The newest notifications to an address (any part of it, case aside) or of a booking (when {@code query} is a
     * booking id).
     */
    public List<LoggedNotification> search(String query, int limit) {
        UUID bookingId = bookingId(query.strip());
        String condition = (bookingId != null) ? "booking_id = :bookingId" : "lower(recipient) like :pattern";
        return this.jdbc.sql(SELECT + " where " + condition + " order by due_at desc, seq desc limit :limit")
            .param("bookingId", bookingId)
            .param("pattern", "%" + query.strip().toLowerCase().replace("%", "").replace("_", "\\_") + "%")
            .param("limit", limit)
            .query(DeliveryLog::map)
            .list();
    }

    /** Steps still to be released, due before {@code until}, soonest first. */
    public List<LoggedNotification> scheduledUntil(Instant until, int limit) {
        return this.jdbc.sql(SELECT + " where status = 'SCHEDULED' and due_at <= ? order by due_at, seq limit ?")
            .params(Timestamp.from(until), limit)
            .query(DeliveryLog::map)
            .list();
    }

    /** Emails whose time passed before {@code before} and that are still not sent: something is behind. */
    public List<LoggedNotification> overdue(Instant before, int limit) {
        return this.jdbc.sql(SELECT + " where status in ('SCHEDULED', 'PENDING') and due_at < ? order by due_at, seq "
                + "limit ?")
            .params(Timestamp.from(before), limit)
            .query(DeliveryLog::map)
            .list();
    }

    private static UUID bookingId(String query) {
        try {
            return UUID.fromString(query);
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    private static LoggedNotification map(ResultSet rs, int row) throws SQLException {
        return new LoggedNotification(rs.getObject("id", UUID.class), rs.getObject("booking_id", UUID.class),
                rs.getLong("booking_version"), rs.getString("kind"), rs.getString("recipient"),
                rs.getString("time_zone"), NotificationStatus.valueOf(rs.getString("status")), rs.getString("reason"),
                rs.getTimestamp("due_at").toInstant(), instant(rs.getTimestamp("sent_at")), rs.getString("message_id"),
                rs.getInt("attempts"), rs.getString("last_error"), rs.getString("bounce"),
                instant(rs.getTimestamp("bounced_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return (timestamp != null) ? timestamp.toInstant() : null;
    }

    /**
     * A notification as the delivery log shows it.
     *
     * @param id the notification's id, from which its Message-ID is made
     * @param bookingId the booking it is about
     * @param bookingVersion the booking version that caused it
     * @param kind e.g. {@code BOOKING_CONFIRMED} or {@code HYDRATION_REMINDER}
     * @param recipient the client's address
     * @param timeZone the client's time zone
     * @param status where it stands
     * @param reason why it was cancelled or skipped
     * @param dueAt when it is (or was) due
     * @param sentAt when the SMTP server accepted it
     * @param messageId its Message-ID header
     * @param attempts how many times sending was tried
     * @param lastError the last failure, if any
     * @param bounce what came back after it was sent: a bounce or complaint, with the status and diagnostic code
     * @param bouncedAt when that came
     */
    public record LoggedNotification(UUID id, UUID bookingId, long bookingVersion, String kind, String recipient,
            String timeZone, NotificationStatus status, String reason, Instant dueAt, Instant sentAt, String messageId,
            int attempts, String lastError, String bounce, Instant bouncedAt) {
    }

}
