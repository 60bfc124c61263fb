package dev.stillpoint.newsletter.campaign;

import java.time.Instant;
import java.util.UUID;

/**
 * An issue of the quarterly newsletter.
 *
 * @param id the issue
 * @param title its subject line and heading
 * @param markdown its body, in Markdown
 * @param status where it stands
 * @param scheduledFor when it is to be published, if it was scheduled
 * @param publishedAt when sending began
 * @param completedAt when every recipient was accounted for
 */
public record NewsletterIssue(UUID id, String title, String markdown, Status status, Instant scheduledFor,
        Instant publishedAt, Instant completedAt) {

    public enum Status {

        DRAFT, SCHEDULED, SENDING, PAUSED, CANCELLED, SENT, SENT_WITH_FAILURES

    }

}
