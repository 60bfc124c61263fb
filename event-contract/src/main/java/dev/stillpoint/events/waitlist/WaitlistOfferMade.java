package dev.stillpoint.events.waitlist;

import java.time.Instant;
import java.util.UUID;

/**
 * A time that fits a waitlisted client's wishes came free, and is offered to them (first come, first served). Type
 * {@value WaitlistTopics#OFFER_MADE_TYPE}; keyed by the offer id.
 */
public record WaitlistOfferMade(UUID eventId, Instant occurredAt, WaitlistOffer offer) {
}
