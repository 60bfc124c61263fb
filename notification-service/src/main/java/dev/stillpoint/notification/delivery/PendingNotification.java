package dev.stillpoint.notification.delivery;

import java.util.UUID;

import dev.stillpoint.events.booking.BookingEvent;
import dev.stillpoint.events.booking.BookingEventType;
import tools.jackson.databind.json.JsonMapper;

/**
 * A notification claimed for sending, with the W3C {@code traceparent} of the event that caused it (or {@code null}).
 */
public record PendingNotification(UUID id, UUID bookingId, String kind, String recipient, String eventType,
        String event, String messageId, int attempts, String traceParent) {

    /** The event the email is written from. */
    public BookingEvent readEvent(JsonMapper json) {
        return json.readValue(this.event, BookingEventType.fromCeType(this.eventType).orElseThrow().javaType());
    }

}
