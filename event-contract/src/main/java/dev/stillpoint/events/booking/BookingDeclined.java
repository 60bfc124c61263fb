package dev.stillpoint.events.booking;

import java.time.Instant;
import java.util.UUID;

/**
 * The practitioner reviewed a booking that was held for its screening answers and cannot offer the session; the
 * time is free again. Like every event it carries no screening answers, and the client's email gives no reason.
 */
public record BookingDeclined(UUID eventId, UUID bookingId, long bookingVersion, Instant occurredAt,
        BookingDetails booking) implements BookingEvent {
}
