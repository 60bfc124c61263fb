package dev.stillpoint.newsletter.subscriber;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import dev.stillpoint.embedded.TopicReader;
import dev.stillpoint.embedded.Waits;
import dev.stillpoint.events.CloudEventHeaders;
import dev.stillpoint.events.privacy.ClientErasureRequested;
import dev.stillpoint.events.privacy.PrivacyTopics;
import dev.stillpoint.newsletter.NewsletterTestBase;
import dev.stillpoint.newsletter.subscriber.SubscriberTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * newsletter-service honours an erasure request and keeps the address's hash on a suppression list, which imports and
 * bookings' newsletter ticks respect; unsubscribing puts the address there too, and an old confirm link cannot undo it.
 */
class ClientErasureIntegrationTests extends NewsletterTestBase {

    @Autowired
    SubscriberTokens tokens;

    @Test
    void anErasedClientIsGoneReportedAndNeitherAnImportNorABookingBringsThemBack() throws Exception {
        String run = run();
        insertSubscribers(run, "CONFIRMED", 1);
        String email = email(run, "confirmed", 0);
        UUID erasureId = UUID.randomUUID();
        ProducerRecord<String, String> record = new ProducerRecord<>(PrivacyTopics.ERASURE_REQUESTS,
                erasureId.toString(), this.json.writeValueAsString(new ClientErasureRequested(UUID.randomUUID(),
                        erasureId, PrivacyTopics.emailHash(email), "CLIENT", Instant.now())));
        record.headers().add(CloudEventHeaders.TYPE, PrivacyTopics.REQUESTED_TYPE.getBytes(StandardCharsets.UTF_8));
        this.kafka.send(record).get();

        await("the subscriber is erased").atMost(Waits.STEP)
            .until(() -> count("select count(*) from subscriber where email = '" + email + "'") == 0);
        assertThat(count("select count(*) from suppressed_address where email_hash = '" + PrivacyTopics.emailHash(email)
                + "' and reason = 'ERASED'")).isOne();
        try (TopicReader reports = new TopicReader(System.getProperty("spring.embedded.kafka.brokers"),
                PrivacyTopics.ERASURE_REPORTS, PrivacyTopics.PARTITIONS)) {
            ConsumerRecord<String, String> report = reports.awaitRecords(erasureId.toString(), 1).get(0);
            assertThat(report.value()).contains("\"service\":\"newsletter-service\"", "\"records\":1");
        }

        this.http.post().uri("/api/newsletter/subscribers?consented=true").headers(this::staff)
            .contentType(MediaType.parseMediaType("text/csv")).body("email\n" + email.toUpperCase() + "\n").exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.added").isEqualTo(0)
            .jsonPath("$.notAdded[0].reason").isEqualTo("Erased or unsubscribed at their request: only they can "
                    + "subscribe again.");

        String marker = "marker-" + run + "@example.com";
        String key = UUID.randomUUID().toString();
        publishBooking(key, email, true);
        publishBooking(key, marker, true);
        await("the booking after it is read").atMost(Waits.STEP)
            .until(() -> count("select count(*) from subscriber where email = '" + marker + "'") == 1);
        assertThat(count("select count(*) from subscriber where email = '" + email + "'")).isZero();
    }

    @Test
    void unsubscribingSuppressesTheAddressAndAnOldConfirmLinkDoesNotUndoIt() {
        String run = run();
        UUID id = insertSubscribers(run, "PENDING", 1).get(0);
        String email = email(run, "pending", 0);
        String confirm = this.tokens.token(id, SubscriberTokens.Purpose.CONFIRM);
        this.http.post().uri("/subscribe/confirm?token={token}", confirm).exchange().expectStatus().isOk();
        this.http.post().uri("/unsubscribe?token={token}", this.tokens.token(id, SubscriberTokens.Purpose.UNSUBSCRIBE))
            .exchange().expectStatus().isOk();
        assertThat(count("select count(*) from suppressed_address where email_hash = '" + PrivacyTopics.emailHash(email)
                + "' and reason = 'UNSUBSCRIBED'")).isOne();

        this.http.post().uri("/subscribe/confirm?token={token}", confirm).exchange().expectStatus().isBadRequest();
        assertThat(status(email)).isEqualTo("UNSUBSCRIBED");
    }

}
