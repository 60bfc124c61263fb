package dev.stillpoint.newsletter.delivery;

import java.util.Map;
import java.util.UUID;

import dev.stillpoint.embedded.TopicReader;
import dev.stillpoint.embedded.Waits;
import dev.stillpoint.events.newsletter.NewsletterTopics;
import dev.stillpoint.newsletter.NewsletterTestBase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.support.KafkaHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the senders make of the records on {@code newsletter.deliveries} besides the batches the fan-out writes: an
 * unreadable one is dead-lettered with the reason and the senders go on; a record of one recipient, as written before
 * records carried up to a hundred, is still sent.
 */
class DeliveryRecordsIntegrationTests extends NewsletterTestBase {

    @Test
    void anUnreadableRecordIsDeadLetteredWithItsReasonAndTheSendersGoOn() throws Exception {
        String key = "unreadable-" + run();
        try (TopicReader deadLetters = new TopicReader(System.getProperty("spring.embedded.kafka.brokers"),
                NewsletterTopics.NEWSLETTER_DELIVERIES + "-dlt", NewsletterTopics.NEWSLETTER_DELIVERIES_PARTITIONS)) {
            this.kafka.send(NewsletterTopics.NEWSLETTER_DELIVERIES, key, "not a delivery").get();
            ConsumerRecord<String, String> dead = deadLetters.awaitRecords(key, 1).get(0);
            assertThat(dead.value()).isEqualTo("not a delivery");
            assertThat(TopicReader.header(dead, KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                .contains("Unreadable delivery request");
        }
        String run = run();
        insertSubscribers(run, "CONFIRMED", 3);
        String id = writeIssue("Afterwards " + run, "News.");
        this.http.post().uri("/api/newsletter/issues/{id}/publish", id).headers(this::staff).exchange()
            .expectStatus().isAccepted();
        await().atMost(Waits.emails(3)).until(() -> "SENT".equals(issue(id).get("status").asString()));
        assertThat(received("Afterwards " + run)).hasSize(3);
    }

    @Test
    void aRecordOfOneRecipientAsWrittenBeforeIsStillSent() throws Exception {
        String run = run();
        UUID subscriber = insertSubscribers(run, "CONFIRMED", 1).get(0);
        String id = writeIssue("Single " + run, "News.");
        // the issue sending, its one recipient queued and fanned out already: only the record below reaches it
        this.jdbc.sql("update newsletter_issue set status = 'SENDING', published_at = now() where id = ?::uuid")
            .param(id).update();
        this.jdbc.sql("insert into delivery (issue_id, subscriber_id, status, message_id, fanned_out_at) "
                + "values (?::uuid, ?, 'QUEUED', ?, now())")
            .params(id, subscriber, "<single-" + run + "@stillpoint.example>").update();

        this.kafka.send(NewsletterTopics.NEWSLETTER_DELIVERIES, subscriber.toString(),
                this.json.writeValueAsString(Map.of("issueId", id, "subscriberId", subscriber.toString()))).get();

        await().atMost(Waits.emails(1)).until(() -> "SENT".equals(issue(id).get("status").asString()));
        assertThat(received("Single " + run)).hasSize(1);
    }

}
