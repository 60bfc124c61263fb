package dev.stillpoint.newsletter.delivery;

import java.util.UUID;

/** The work on {@code newsletter.deliveries}: send this issue to this subscriber. Keyed by subscriber id. */
public record DeliveryRequest(UUID issueId, UUID subscriberId) {
}
