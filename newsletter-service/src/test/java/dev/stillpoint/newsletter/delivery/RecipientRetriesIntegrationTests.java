package dev.stillpoint.newsletter.delivery;

import java.util.UUID;

import dev.stillpoint.embedded.RefusingSmtpServer;
import dev.stillpoint.embedded.Waits;
import dev.stillpoint.newsletter.NewsletterTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A mailbox full for now waits for its own next attempt, an hour away here, while every other recipient of the issue
 * is sent: nobody is held up behind it, and the issue waits for it before it ends.
 */
@TestPropertySource(properties = "stillpoint.newsletter.retry-delay=1h")
class RecipientRetriesIntegrationTests extends NewsletterTestBase {

    @Test
    void aMailboxFullForNowWaitsForItsNextAttemptWhileEveryoneElseIsSent() throws Exception {
        String run = run();
        insertSubscribers(run, "CONFIRMED", 30);
        UUID full = UUID.randomUUID();
        this.jdbc.sql("insert into subscriber (id, email, status, source, created_at, updated_at) "
                + "values (?, ?, 'CONFIRMED', 'IMPORT', now(), now())").params(full, "full-" + run + "@example.com")
            .update();
        String id = writeIssue("Later " + run, "News.");
        smtp.stop();
        try (RefusingSmtpServer relay = new RefusingSmtpServer(SMTP_PORT)) {
            this.http.post().uri("/api/newsletter/issues/{id}/publish", id).headers(this::staff).exchange()
                .expectStatus().isAccepted();
            await().atMost(Waits.emails(31)).until(() -> issue(id).get("progress").get("sent").asInt() == 30);
            assertThat(this.jdbc.sql("select status || ' ' || attempts || ' ' || (next_attempt_at > now() + interval "
                    + "'50 minutes') || ' ' || (claim is null) from delivery where issue_id = ?::uuid and subscriber_id = ?")
                .params(id, full).query(String.class).single()).isEqualTo("QUEUED 1 true true");
            JsonNode issue = issue(id);
            assertThat(issue.get("status").asString()).isEqualTo("SENDING");
            assertThat(issue.get("progress").get("remaining").asInt()).isEqualTo(1);
            assertThat(relay.accepted()).hasSize(30).doesNotHaveDuplicates()
                .noneMatch((address) -> address.startsWith("full-"));
        }
        finally {
            smtp.start();
            this.publishing.cancel(UUID.fromString(id));
        }
    }

}
