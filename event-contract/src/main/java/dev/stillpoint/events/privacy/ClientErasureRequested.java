package dev.stillpoint.events.privacy;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone asked that everything kept about a client be erased: the practice's staff, or the client from their manage
 * page. Type {@value PrivacyTopics#REQUESTED_TYPE}.
 *
 * @param eventId unique per event
 * @param erasureId the request, and the record key
 * @param emailHash the client's address, hashed ({@link PrivacyTopics#emailHash(String)})
 * @param requestedBy {@code STAFF} or {@code CLIENT}
 * @param occurredAt when it was asked
 */
public record ClientErasureRequested(UUID eventId, UUID erasureId, String emailHash, String requestedBy,
        Instant occurredAt) {
}
