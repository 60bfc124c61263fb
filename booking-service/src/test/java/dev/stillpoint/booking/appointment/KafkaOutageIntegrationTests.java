package dev.stillpoint.booking.appointment;

import java.nio.file.Path;
import java.time.Duration;

import dev.stillpoint.booking.IntegrationTestBase;
import dev.stillpoint.embedded.KraftBroker;
import dev.stillpoint.embedded.TestPostgres;
import dev.stillpoint.embedded.TopicReader;
import dev.stillpoint.embedded.Waits;
import dev.stillpoint.events.booking.BookingTopics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Kafka is down when clients book: the bookings are accepted and their events go out once the broker is up. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.kafka.admin.operation-timeout=2s", "stillpoint.booking.manage-link-secret=test-secret",
                IntegrationTestBase.LOOPBACK_UNLIMITED })
@AutoConfigureRestTestClient
class KafkaOutageIntegrationTests {

    private static final int KAFKA_PORT = KraftBroker.freePort();

    @TempDir
    static Path kafkaData;

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        // a database of its own: the other test contexts' relays must not publish this test's events
        registry.add("spring.datasource.url", () -> TestPostgres.jdbcUrl("booking_kafka_outage"));
        registry.add("spring.datasource.username", TestPostgres::username);
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + KAFKA_PORT);
    }

    @Test
    void bookingsMadeWhileKafkaIsDownArePublishedWhenItIsBack() {
        String before = book("rosalind@example.com");
        // long enough (> max.block.ms) for the relay to find the broker away, and to keep the event
        await().during(Duration.ofSeconds(7)).atMost(Waits.STEP).until(() -> unpublished(before) == 1);

        try (KraftBroker broker = KraftBroker.start(KAFKA_PORT, kafkaData, BookingTopics.BOOKING_EVENTS_PARTITIONS);
                TopicReader topic = new TopicReader(broker.bootstrapServers(), BookingTopics.BOOKING_EVENTS,
                        BookingTopics.BOOKING_EVENTS_PARTITIONS)) {
            assertThat(topic.awaitRecords(before, 1)).hasSize(1);
            await().atMost(Waits.STEP).until(() -> unpublished(before) == 0);
        }

        // down again, after the relay has been publishing
        String during = book("dorothy@example.com");
        // the producer still knows the topic's partitions: the send waits for the broker instead
        await().during(Duration.ofSeconds(7)).atMost(Waits.STEP).until(() -> unpublished(during) == 1);
        try (KraftBroker broker = KraftBroker.start(KAFKA_PORT, kafkaData, BookingTopics.BOOKING_EVENTS_PARTITIONS);
                TopicReader topic = new TopicReader(broker.bootstrapServers(), BookingTopics.BOOKING_EVENTS,
                        BookingTopics.BOOKING_EVENTS_PARTITIONS)) {
            assertThat(topic.awaitRecords(during, 1)).hasSize(1);
            assertThat(topic.awaitRecords(before, 1)).as("kept across the broker restart").hasSize(1);
            await().atMost(Waits.STEP).until(() -> unpublished(during) == 0);
        }
    }

    private String book(String email) {
        return this.http.post().uri("/api/bookings").contentType(MediaType.APPLICATION_JSON)
            .body(BookingApiIntegrationTests.request("Outage Client", email, "Europe/London", "CST_60",
                    TestSlots.next(), false))
            .exchange()
            .expectStatus().isCreated()
            .expectBody(BookingResponse.class).returnResult().getResponseBody().id().toString();
    }

    private int unpublished(String bookingId) {
        return this.jdbc.sql("select count(*) from outbox_event where record_key = ? and published_at is null")
            .param(bookingId).query(Integer.class).single();
    }

}
