package dev.stillpoint.events.booking;

import java.time.Instant;
import java.util.UUID;

/**
 * The booking is confirmed: straight away, or after the practitioner reviewed a screening answer.
 *
 * @param afterReview whether the booking was held for review first
 */
public record BookingConfirmed(UUID eventId, UUID bookingId, long bookingVersion, Instant occurredAt,
        BookingDetails booking, boolean afterReview) implements BookingEvent {
}
