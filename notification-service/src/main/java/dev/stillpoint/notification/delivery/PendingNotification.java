package dev.stillpoint.notification.delivery;

import java.util.UUID;

/** A notification claimed for sending. */
public record PendingNotification(UUID id, UUID bookingId, String kind, String recipient, String eventType,
        String event, String messageId, int attempts) {
}
