package dev.stillpoint.events.booking;

import java.time.Instant;
import java.util.UUID;

/**
 * The booking was cancelled; {@link #booking()} still says when it would have been.
 *
 * @param changedBy who cancelled it; {@code null} in events written before it was recorded
 */
public record BookingCancelled(UUID eventId, UUID bookingId, long bookingVersion, Instant occurredAt,
        BookingDetails booking, ChangedBy changedBy) implements BookingEvent {

    /** A cancellation whose author is not known. */
    public BookingCancelled(UUID eventId, UUID bookingId, long bookingVersion, Instant occurredAt,
            BookingDetails booking) {
        this(eventId, bookingId, bookingVersion, occurredAt, booking, null);
    }

}
