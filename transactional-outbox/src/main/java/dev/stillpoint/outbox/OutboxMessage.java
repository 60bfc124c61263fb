package dev.stillpoint.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * An event to publish once the transaction that wrote it commits.
 *
 * @param eventId the CloudEvents {@code ce_id}
 * @param topic where it goes
 * @param key the record key, which decides the partition and so the order
 * @param type the CloudEvents {@code ce_type}
 * @param source the CloudEvents {@code ce_source}
 * @param occurredAt the CloudEvents {@code ce_time}
 * @param payload the event, written as JSON
 */
public record OutboxMessage(UUID eventId, String topic, String key, String type, String source, Instant occurredAt,
        Object payload) {
}
