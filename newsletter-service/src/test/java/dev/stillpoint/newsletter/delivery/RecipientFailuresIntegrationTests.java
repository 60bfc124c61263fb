package dev.stillpoint.newsletter.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.stillpoint.embedded.RefusingSmtpServer;
import dev.stillpoint.embedded.Waits;
import dev.stillpoint.newsletter.NewsletterTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Recipients the SMTP server will not take, for good or for as long as we try, through a real SMTP server that
 * answers them so ({@link RefusingSmtpServer}): they are recorded with the server's answer and the issue still ends.
 */
class RecipientFailuresIntegrationTests extends NewsletterTestBase {

    @Test
    void aRecipientRefusedForGoodIsRecordedOnceAndTheIssueSaysItEndedWithFailures() throws Exception {
        String run = run();
        insertSubscribers(run, "CONFIRMED", 10);
        List<UUID> refused = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            refused.add(addressed("refused-" + i + "-" + run + "@example.com"));
        }
        String id = writeIssue("Refusals " + run, "News.");
        smtp.stop();
        try (RefusingSmtpServer relay = new RefusingSmtpServer(SMTP_PORT)) {
            this.http.post().uri("/api/newsletter/issues/{id}/publish", id).headers(this::staff).exchange()
                .expectStatus().isAccepted();
            await().atMost(Waits.emails(12))
                .until(() -> "SENT_WITH_FAILURES".equals(issue(id).get("status").asString()));
            JsonNode progress = issue(id).get("progress");
            assertThat(progress.get("failed").asInt()).isEqualTo(2);
            assertThat(progress.get("sent").asInt()).isEqualTo(progress.get("total").asInt() - 2);
            assertThat(progress.get("remaining").asInt()).isZero();
            for (UUID subscriber : refused) {
                assertThat(this.jdbc.sql("select status || ' ' || attempts || ' ' || last_error from delivery "
                        + "where issue_id = ?::uuid and subscriber_id = ?").params(id, subscriber).query(String.class)
                    .single()).startsWith("FAILED 1 ").contains("550");
            }
            assertThat(relay.accepted()).hasSize(progress.get("sent").asInt())
                .noneMatch((address) -> address.startsWith("refused-"));
        }
        finally {
            smtp.start();
        }
    }

    @Test
    void aMailboxFullForAsLongAsWeTryIsGivenUpAfterItsAttemptsAndDoesNotKeepTheIssueFromEnding() throws Exception {
        String run = run();
        insertSubscribers(run, "CONFIRMED", 10);
        UUID full = addressed("full-" + run + "@example.com");
        String id = writeIssue("Full " + run, "News.");
        smtp.stop();
        try (RefusingSmtpServer relay = new RefusingSmtpServer(SMTP_PORT)) {
            this.http.post().uri("/api/newsletter/issues/{id}/publish", id).headers(this::staff).exchange()
                .expectStatus().isAccepted();
            // the mailbox waits for its own next attempt (0.2 s, then 0.4 s) until its attempts are spent
            await().atMost(Waits.emails(11).plusSeconds(10))
                .until(() -> "SENT_WITH_FAILURES".equals(issue(id).get("status").asString()));
            JsonNode progress = issue(id).get("progress");
            assertThat(progress.get("failed").asInt()).isEqualTo(1);
            assertThat(progress.get("sent").asInt()).isEqualTo(progress.get("total").asInt() - 1);
            assertThat(this.jdbc.sql("select status || ' ' || attempts || ' ' || last_error from delivery "
                    + "where issue_id = ?::uuid and subscriber_id = ?").params(id, full).query(String.class).single())
                .startsWith("FAILED " + MAX_ATTEMPTS + " Gave up after " + MAX_ATTEMPTS + " attempts").contains("452");
            assertThat(relay.accepted()).hasSize(progress.get("sent").asInt())
                .doesNotHaveDuplicates().noneMatch((address) -> address.startsWith("full-"));
        }
        finally {
            smtp.start();
        }
    }

    private UUID addressed(String email) {
        UUID id = UUID.randomUUID();
        this.jdbc.sql("insert into subscriber (id, email, status, source, created_at, updated_at) "
                + "values (?, ?, 'CONFIRMED', 'IMPORT', now(), now())")
            .params(id, email).update();
        return id;
    }

}
