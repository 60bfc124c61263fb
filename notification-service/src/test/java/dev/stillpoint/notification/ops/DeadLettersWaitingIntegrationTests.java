package dev.stillpoint.notification.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.stillpoint.embedded.TopicReader;
import dev.stillpoint.embedded.Waits;
import dev.stillpoint.events.booking.BookingEventType;
import dev.stillpoint.events.booking.BookingTopics;
import dev.stillpoint.notification.IntegrationTestBase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A dead letter is kept until a person handles it, and is counted while it waits: the topic keeps its records for
 * ever, the gauge the alert rule watches counts it, and it stops counting once discarded on the console.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "stillpoint.ops-console.lag-sample-interval=500ms")
class DeadLettersWaitingIntegrationTests extends IntegrationTestBase {

    private static final String GAUGE = "stillpoint.kafka.dead.letters.waiting";

    @Autowired
    MeterRegistry registry;

    @Autowired
    DeadLetterDesk desk;

    @LocalServerPort
    int port;

    @Test
    void aDeadLetterIsKeptForEverAndCountedUntilSomeoneHandlesIt() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, BookingTopics.BOOKING_EVENTS_DEAD_LETTER);
            assertThat(admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic)
                .get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
        }
        await().atMost(Waits.STEP).until(() -> waiting() != null);
        double before = waiting();

        String key = UUID.randomUUID().toString();
        events.send(new ProducerRecord<>(BookingTopics.BOOKING_EVENTS, key, "{not json"), BookingEventType.CONFIRMED.ceType());
        ConsumerRecord<String, String> poison;
        try (TopicReader dlt = new TopicReader(brokers(), BookingTopics.BOOKING_EVENTS_DEAD_LETTER,
                BookingTopics.BOOKING_EVENTS_PARTITIONS)) {
            poison = dlt.awaitRecords(key, 1).get(0);
        }
        await().atMost(Waits.STEP).until(() -> waiting() == before + 1);
        assertThat(scrape()).contains("stillpoint_kafka_dead_letters_waiting{application=\"notification-service\","
                + "topic=\"" + BookingTopics.BOOKING_EVENTS_DEAD_LETTER + "\"} " + (before + 1));

        DeadLetter deadLetter = this.desk.find(poison.topic(), poison.partition(), poison.offset());
        this.desk.discard(deadLetter, "not a booking event", "ops");
        await().atMost(Waits.STEP).until(() -> waiting() == before);
    }

    @Test
    void theAlertRulesWatchWhatTheServiceExports() throws Exception {
        Map<String, Object> rules = new Yaml().load(Files.readString(Path.of("../docs/operations/prometheus-alerts.yml")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> groups = (List<Map<String, Object>>) rules.get("groups");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> alerts = groups.stream()
            .flatMap((group) -> ((List<Map<String, Object>>) group.get("rules")).stream()).toList();
        assertThat(alerts).allSatisfy((alert) -> assertThat(alert).containsKeys("alert", "expr", "labels", "annotations"));
        String scrape = scrape();
        for (String metric : List.of("stillpoint_kafka_dead_letters_waiting", "stillpoint_outbox_backlog",
                "stillpoint_reminders_overdue")) {
            assertThat(alerts).anySatisfy((alert) -> assertThat(alert.get("expr").toString()).contains(metric));
            assertThat(scrape).contains(metric + "{");
        }
    }

    private Double waiting() {
        Gauge gauge = this.registry.find(GAUGE).tag("topic", BookingTopics.BOOKING_EVENTS_DEAD_LETTER).gauge();
        return (gauge != null) ? gauge.value() : null;
    }

    private String scrape() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port
                + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

}
