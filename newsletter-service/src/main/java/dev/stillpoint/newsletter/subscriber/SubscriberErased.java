package dev.stillpoint.newsletter.subscriber;

import java.util.List;
import java.util.UUID;

/**
 * A subscriber asked to be forgotten and was: published inside the transaction that deleted them.
 *
 * @param subscriberId who is gone
 * @param queuedIssues issues still on their way to them when they left, which may now be complete
 */
public record SubscriberErased(UUID subscriberId, List<UUID> queuedIssues) {
}
