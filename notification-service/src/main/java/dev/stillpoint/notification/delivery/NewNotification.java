package dev.stillpoint.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * An email to send for a booking.
 *
 * @param id derived from the booking, version and kind ({@link #idOf}), worked out once: it is an MD5 hash
 * @param bookingId the booking it is about
 * @param bookingVersion the booking version that caused it
 * @param kind what kind of email it is, e.g. {@code BOOKING_CONFIRMED}
 * @param recipient the client's address
 * @param timeZone the client's time zone, in which the delivery log shows when it is due
 * @param eventType the {@code ce_type} of {@code event}
 * @param event the event's JSON, from which the email is written when it is sent
 * @param dueAt when to send it
 * @param expiresAt after this it is skipped rather than sent (for a reminder: the session's start); {@code null} for
 * never
 */
public record NewNotification(UUID id, UUID bookingId, long bookingVersion, String kind, String recipient,
        String timeZone, String eventType, String event, Instant dueAt, Instant expiresAt) {

    /** A notification that is skipped rather than sent after {@code expiresAt} ({@code null} for never). */
    public NewNotification(UUID bookingId, long bookingVersion, String kind, String recipient, String timeZone,
            String eventType, String event, Instant dueAt, Instant expiresAt) {
        this(idOf(bookingId, bookingVersion, kind), bookingId, bookingVersion, kind, recipient, timeZone, eventType,
                event, dueAt, expiresAt);
    }

    /** A notification that is worth sending however late it is. */
    public NewNotification(UUID bookingId, long bookingVersion, String kind, String recipient, String timeZone,
            String eventType, String event, Instant dueAt) {
        this(bookingId, bookingVersion, kind, recipient, timeZone, eventType, event, dueAt, null);
    }

    /** The same booking, version and kind always give the same id: a notification can exist only once. */
    public static UUID idOf(UUID bookingId, long bookingVersion, String kind) {
        return UUID.nameUUIDFromBytes((bookingId + ":" + bookingVersion + ":" + kind).getBytes(StandardCharsets.UTF_8));
    }

}
