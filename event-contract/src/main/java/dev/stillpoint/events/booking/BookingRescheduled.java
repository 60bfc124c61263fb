package dev.stillpoint.events.booking;

import java.time.Instant;
import java.util.UUID;

/**
 * The booking moved to a new time, given in {@link #booking()}.
 *
 * @param previousStartsAt when the session was to start before
 * @param changedBy who moved it; {@code null} in events written before it was recorded
 */
public record BookingRescheduled(UUID eventId, UUID bookingId, long bookingVersion, Instant occurredAt,
        BookingDetails booking, Instant previousStartsAt, ChangedBy changedBy) implements BookingEvent {

    /** A move whose author is not known. */
    public BookingRescheduled(UUID eventId, UUID bookingId, long bookingVersion, Instant occurredAt,
            BookingDetails booking, Instant previousStartsAt) {
        this(eventId, bookingId, bookingVersion, occurredAt, booking, previousStartsAt, null);
    }

}
