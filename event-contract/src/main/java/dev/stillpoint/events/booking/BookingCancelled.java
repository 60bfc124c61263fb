package dev.stillpoint.events.booking;

import java.time.Instant;
import java.util.UUID;

/** The booking was cancelled; {@link #booking()} still says when it would have been. */
public record BookingCancelled(UUID eventId, UUID bookingId, long bookingVersion, Instant occurredAt,
        BookingDetails booking) implements BookingEvent {
}
