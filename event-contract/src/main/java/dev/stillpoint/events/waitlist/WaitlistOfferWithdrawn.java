package dev.stillpoint.events.waitlist;

import java.time.Instant;
import java.util.UUID;

/**
 * An offered time was taken by someone else (another waitlisted client, or a booking): the client it was offered to
 * is told it went. Type {@value WaitlistTopics#OFFER_WITHDRAWN_TYPE}; keyed by the offer id.
 */
public record WaitlistOfferWithdrawn(UUID eventId, Instant occurredAt, WaitlistOffer offer) {
}
