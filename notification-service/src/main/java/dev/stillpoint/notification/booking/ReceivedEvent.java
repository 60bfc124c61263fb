package dev.stillpoint.notification.booking;

import dev.stillpoint.events.booking.BookingEvent;

/**
 * A booking event as it came off Kafka.
 *
 * @param event the event
 * @param traceParent the W3C {@code traceparent} it was sent in (the booking request's trace), or {@code null}
 */
record ReceivedEvent(BookingEvent event, String traceParent) {
}
