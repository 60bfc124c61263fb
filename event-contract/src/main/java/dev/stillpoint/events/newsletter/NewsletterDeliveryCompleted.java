package dev.stillpoint.events.newsletter;

import java.time.Instant;
import java.util.UUID;

/**
 * Every recipient of an issue is accounted for: sent, failed for good, or skipped because they left meanwhile.
 *
 * @param outcome {@code SENT}, or {@code SENT_WITH_FAILURES} when some mail servers refused the email for good
 * @param publishedAt when sending began
 */
public record NewsletterDeliveryCompleted(UUID eventId, UUID issueId, Instant occurredAt, String title, String outcome,
        Instant publishedAt, int recipients, int sent, int failed, int skipped) implements NewsletterEvent {
}
