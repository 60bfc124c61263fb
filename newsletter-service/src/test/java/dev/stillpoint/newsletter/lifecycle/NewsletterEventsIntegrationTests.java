package dev.stillpoint.newsletter.lifecycle;

import java.util.List;

import dev.stillpoint.embedded.TopicReader;
import dev.stillpoint.embedded.Waits;
import dev.stillpoint.events.CloudEventHeaders;
import dev.stillpoint.events.newsletter.NewsletterDeliveryCompleted;
import dev.stillpoint.events.newsletter.NewsletterEventType;
import dev.stillpoint.events.newsletter.NewsletterIssueCancelled;
import dev.stillpoint.events.newsletter.NewsletterIssuePublished;
import dev.stillpoint.events.newsletter.NewsletterTopics;
import dev.stillpoint.newsletter.NewsletterTestBase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ops see each issue's life on {@code newsletter.events}: published and completed (with its figures), or cancelled,
 * each written through the outbox with the change.
 */
class NewsletterEventsIntegrationTests extends NewsletterTestBase {

    @Test
    void opsSeeEachIssuePublishedCompletedOrCancelledOnTheNewsletterEventsTopic() throws Exception {
        String run = run();
        insertSubscribers(run, "CONFIRMED", 5);
        String sent = writeIssue("Events " + run, "News.");
        String cancelled = writeIssue("Cancelled " + run, "Never mind.");
        this.http.post().uri("/api/newsletter/issues/{id}/publish", sent).headers(this::staff).exchange()
            .expectStatus().isAccepted();
        await().atMost(Waits.emails(5)).until(() -> "SENT".equals(issue(sent).get("status").asString()));
        // with the SMTP server down the issue cannot finish before it is cancelled, however fast the machine
        smtp.stop();
        try {
            this.http.post().uri("/api/newsletter/issues/{id}/publish", cancelled).headers(this::staff).exchange()
                .expectStatus().isAccepted();
            this.http.post().uri("/api/newsletter/issues/{id}/pause", cancelled).headers(this::staff).exchange()
                .expectStatus().isOk();
            this.http.post().uri("/api/newsletter/issues/{id}/cancel", cancelled).headers(this::staff).exchange()
                .expectStatus().isOk();
        }
        finally {
            smtp.start();
        }

        try (TopicReader topic = new TopicReader(System.getProperty("spring.embedded.kafka.brokers"),
                NewsletterTopics.NEWSLETTER_EVENTS, NewsletterTopics.NEWSLETTER_EVENTS_PARTITIONS)) {
            List<ConsumerRecord<String, String>> records = topic.awaitRecords(sent, 2);
            JsonNode total = issue(sent).get("progress").get("total");
            assertThat(records).extracting((record) -> TopicReader.header(record, CloudEventHeaders.TYPE))
                .containsExactly(NewsletterEventType.ISSUE_PUBLISHED.ceType(),
                        NewsletterEventType.DELIVERY_COMPLETED.ceType());
            assertThat(TopicReader.header(records.get(0), CloudEventHeaders.SOURCE)).isEqualTo(NewsletterTopics.SOURCE);
            NewsletterIssuePublished published = this.json.readValue(records.get(0).value(),
                    NewsletterIssuePublished.class);
            assertThat(published.title()).isEqualTo("Events " + run);
            assertThat(published.recipients()).isEqualTo(total.asInt());
            NewsletterDeliveryCompleted completed = this.json.readValue(records.get(1).value(),
                    NewsletterDeliveryCompleted.class);
            assertThat(completed.outcome()).isEqualTo("SENT");
            assertThat(completed.sent()).isEqualTo(total.asInt());
            assertThat(completed.failed()).isZero();

            List<ConsumerRecord<String, String>> stopped = topic.awaitRecords(cancelled, 2);
            NewsletterIssueCancelled cancel = this.json.readValue(stopped.get(1).value(), NewsletterIssueCancelled.class);
            assertThat(cancel.sent() + cancel.cancelled()).isEqualTo(issue(cancelled).get("progress").get("total").asInt());
        }
    }

}
