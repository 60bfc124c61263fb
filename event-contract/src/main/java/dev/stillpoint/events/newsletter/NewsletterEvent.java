package dev.stillpoint.events.newsletter;

import java.time.Instant;
import java.util.UUID;

/**
 * Something that happened to a newsletter issue, on {@link NewsletterTopics#NEWSLETTER_EVENTS} keyed by issue id, for
 * ops. Additive-only, like the booking events: a breaking change is a new type with a new version.
 */
public sealed interface NewsletterEvent permits NewsletterIssuePublished, NewsletterDeliveryCompleted,
        NewsletterIssueCancelled {

    /** Unique per event; a redelivered record carries the same id. */
    UUID eventId();

    /** The Kafka record key. */
    UUID issueId();

    Instant occurredAt();

    String title();

}
