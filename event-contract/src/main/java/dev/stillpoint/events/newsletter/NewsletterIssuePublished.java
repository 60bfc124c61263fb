package dev.stillpoint.events.newsletter;

import java.time.Instant;
import java.util.UUID;

/**
 * Sending of an issue began: it was queued for every confirmed subscriber.
 *
 * @param recipients how many confirmed subscribers it was queued for
 * @param scheduledFor the time staff had scheduled it for, or {@code null} if they published it at once
 */
public record NewsletterIssuePublished(UUID eventId, UUID issueId, Instant occurredAt, String title, int recipients,
        Instant scheduledFor) implements NewsletterEvent {
}
