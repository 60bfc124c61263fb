package dev.stillpoint.events.privacy;

import java.time.Instant;
import java.util.UUID;

/**
 * A service erased what it kept about a client. Type {@value PrivacyTopics#COMPLETED_TYPE}; keyed by the erasure id.
 *
 * @param eventId unique per event
 * @param erasureId the request honoured
 * @param service which service
 * @param records how many records it erased or reduced (zero if it kept nothing)
 * @param occurredAt when it finished
 */
public record ClientErasureCompleted(UUID eventId, UUID erasureId, String service, int records, Instant occurredAt) {
}
