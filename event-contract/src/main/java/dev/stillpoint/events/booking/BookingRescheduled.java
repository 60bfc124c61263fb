package dev.stillpoint.events.booking;

import java.time.Instant;
import java.util.UUID;

/**
 * The booking moved to a new time, given in {@link #booking()}.
 *
 * @param previousStartsAt when the session was to start before
 */
public record BookingRescheduled(UUID eventId, UUID bookingId, long bookingVersion, Instant occurredAt,
        BookingDetails booking, Instant previousStartsAt) implements BookingEvent {
}
