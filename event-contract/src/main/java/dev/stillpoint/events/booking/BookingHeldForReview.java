package dev.stillpoint.events.booking;

import java.time.Instant;
import java.util.UUID;

/**
 * The client answered yes to a contraindication question, so the booking waits for the practitioner's review. The
 * event carries no screening answers: health details stay in booking-service.
 */
public record BookingHeldForReview(UUID eventId, UUID bookingId, long bookingVersion, Instant occurredAt,
        BookingDetails booking) implements BookingEvent {
}
