package dev.stillpoint.events.newsletter;

import java.time.Instant;
import java.util.UUID;

/**
 * Staff cancelled an issue: nobody not reached yet will get it.
 *
 * @param sent how many had it already
 * @param cancelled how many will not get it
 */
public record NewsletterIssueCancelled(UUID eventId, UUID issueId, Instant occurredAt, String title, int sent,
        int cancelled) implements NewsletterEvent {
}
