package dev.stillpoint.booking.appointment;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.stillpoint.embedded.TestPostgres;
import dev.stillpoint.embedded.TopicReader;
import dev.stillpoint.embedded.Waits;
import dev.stillpoint.events.CloudEventHeaders;
import dev.stillpoint.events.booking.BookingTopics;
import dev.stillpoint.outbox.Outbox;
import dev.stillpoint.outbox.OutboxMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A booking's events reach Kafka in the order they were written even when one of them cannot be sent: the later
 * events of its booking wait for it, the other bookings' events do not.
 */
@SpringBootTest(properties = { "stillpoint.booking.manage-link-secret=test-secret" })
class OutboxOrderIntegrationTests {

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        // a database of its own: the other test contexts' relays must not publish this test's events
        registry.add("spring.datasource.url", () -> TestPostgres.jdbcUrl("booking_outbox_order"));
        registry.add("spring.datasource.username", TestPostgres::username);
        registry.add("spring.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
    }

    @Test
    void anEventThatCannotBeSentHoldsBackTheLaterEventsOfItsKeyOnly() {
        String stuck = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        // over the producer's max.request.size (1 MB): refused by the producer, as a send to a broker that is away is
        UUID first = append(stuck, Map.of("note", "x".repeat(1_200_000)));
        UUID second = append(stuck, Map.of("note", "after the first"));
        UUID unrelated = append(other, Map.of("note", "another booking"));

        try (TopicReader topic = new TopicReader(System.getProperty("spring.embedded.kafka.brokers"),
                BookingTopics.BOOKING_EVENTS, BookingTopics.BOOKING_EVENTS_PARTITIONS)) {
            assertThat(topic.awaitRecords(other, 1)).extracting(OutboxOrderIntegrationTests::eventId)
                .containsExactly(unrelated.toString());
            // the relay has tried the first again since (its round runs each second while events wait)
            await().during(Duration.ofSeconds(3)).atMost(Waits.STEP)
                .until(() -> !published(first) && !published(second));

            this.jdbc.sql("update outbox_event set payload = '{\"note\":\"mended\"}' where event_id = ?").param(first)
                .update();
            assertThat(topic.awaitRecords(stuck, 2)).extracting(OutboxOrderIntegrationTests::eventId)
                .containsExactly(first.toString(), second.toString());
        }
    }

    private UUID append(String key, Object payload) {
        UUID eventId = UUID.randomUUID();
        this.transactions.executeWithoutResult((status) -> this.outbox.append(new OutboxMessage(eventId,
                BookingTopics.BOOKING_EVENTS, key, "dev.stillpoint.booking.test.v1", "/test", Instant.now(), payload)));
        return eventId;
    }

    private boolean published(UUID eventId) {
        return this.jdbc.sql("select published_at is not null from outbox_event where event_id = ?").param(eventId)
            .query(Boolean.class).single();
    }

    private static String eventId(ConsumerRecord<String, String> record) {
        return TopicReader.header(record, CloudEventHeaders.ID);
    }

}
