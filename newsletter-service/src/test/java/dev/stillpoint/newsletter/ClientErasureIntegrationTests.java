package dev.stillpoint.newsletter;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import dev.stillpoint.embedded.TopicReader;
import dev.stillpoint.embedded.Waits;
import dev.stillpoint.events.CloudEventHeaders;
import dev.stillpoint.events.booking.BookingConfirmed;
import dev.stillpoint.events.booking.BookingDetails;
import dev.stillpoint.events.booking.BookingEventType;
import dev.stillpoint.events.booking.BookingTopics;
import dev.stillpoint.events.privacy.ClientErasureRequested;
import dev.stillpoint.events.privacy.PrivacyTopics;
import dev.stillpoint.newsletter.subscriber.SubscriberTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * newsletter-service honours an erasure request and keeps the address's hash on a suppression list, which imports and
 * bookings' newsletter ticks respect; unsubscribing puts the address there too, and an old confirm link cannot undo it.
 */
class ClientErasureIntegrationTests extends NewsletterTestBase {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

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
        publishBooking(key, email);
        publishBooking(key, marker);
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

    private void publishBooking(String key, String email) throws Exception {
        Instant start = Instant.now().plus(java.time.Duration.ofDays(7));
        UUID bookingId = UUID.randomUUID();
        BookingConfirmed event = new BookingConfirmed(UUID.randomUUID(), bookingId, 1, Instant.now(),
                new BookingDetails(new BookingDetails.Client("Client", email, "Europe/London"), "CST_60", 60, 45, start,
                        start.plusSeconds(3600), "CONFIRMED", true, URI.create("http://localhost:8081/")), false);
        ProducerRecord<String, String> record = new ProducerRecord<>(BookingTopics.BOOKING_EVENTS, key,
                this.json.writeValueAsString(event));
        record.headers().add(CloudEventHeaders.TYPE, BookingEventType.CONFIRMED.ceType().getBytes(StandardCharsets.UTF_8));
        this.kafka.send(record).get();
    }

}
