package dev.stillpoint.events.booking;

import java.time.Instant;
import java.util.UUID;

/**
 * Something that happened to a booking. Every event carries the booking as it stood right after the change, so a
 * consumer never needs an earlier event to act on a later one.
 * <p>
 * Events are additive-only: a new field may be added, none is renamed or removed. A breaking change is a new type
 * with a new {@link BookingEventType#ceType() version}.
 */
public sealed interface BookingEvent permits BookingConfirmed, BookingHeldForReview, BookingRescheduled, BookingCancelled,
        BookingDeclined {

    /** Unique per event; a redelivered record carries the same id. */
    UUID eventId();

    /** The Kafka record key. */
    UUID bookingId();

    /** Raised by one on every change of the booking: an event with a lower version than one applied is stale. */
    long bookingVersion();

    Instant occurredAt();

    BookingDetails booking();

}
