package dev.stillpoint.newsletter.delivery;

import java.util.UUID;

/**
 * Senders settled some of an issue's recipients (sent, failed or skipped): the issue may now be complete, which is
 * campaign's to judge. A Spring application event, heard in the sender's thread.
 *
 * @param issueId the issue
 */
public record RecipientsSettled(UUID issueId) {
}
