package dev.stillpoint.benchmark;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.stillpoint.events.CloudEventHeaders;
import dev.stillpoint.events.DeadLetterHeaders;
import dev.stillpoint.events.booking.BookingEventType;
import dev.stillpoint.events.booking.BookingTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One record in a hundred on {@code booking.events} is poison, among real bookings: unreadable JSON, an unknown event
 * type, an event missing its fields, a 1 MB payload, an event under another booking's key. Each must end on the
 * dead-letter topic with its reason, every real booking must get its confirmation, and the consumer's lag must come
 * back to 0.
 */
final class PoisonRecords {

    private static final String GROUP = "notification-service";

    private final FaultLoad load;

    private final Infrastructure infrastructure;

    PoisonRecords(FaultLoad load, Infrastructure infrastructure) {
        this.load = load;
        this.infrastructure = infrastructure;
    }

    List<Figure> run(int rate, int seconds) throws Exception {
        int count = Math.max(5, rate * seconds / 100);
        String scenario = "1% poison records on booking.events (" + count + " among " + rate * seconds + " bookings)";
        Set<String> keys = new HashSet<>();
        List<Figure> figures = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.infrastructure.bootstrapServers(),
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024), new StringSerializer(), new StringSerializer())) {
            List<FaultLoad.Fault> faults = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String key = UUID.randomUUID().toString();
                keys.add(key);
                ProducerRecord<String, String> poison = poison(i % 5, key);
                faults.add(new FaultLoad.Fault(seconds * (i + 0.5) / count, "a poison record", () -> send(producer, poison)));
            }
            figures.addAll(this.load.run(scenario, rate, seconds, faults, new FaultLoad.Expect(0, Double.NaN, false)));
        }
        figures.add(Figure.of(scenario, "poison records dead-lettered with their reason", deadLettered(keys), "records")
            .exactly(count));
        figures.add(Figure.of(scenario, "consumer lag on booking.events afterwards", lagAfter(), "records").exactly(0));
        return figures;
    }

    private static ProducerRecord<String, String> poison(int kind, String key) {
        String event = """
                {"eventId":"%s","bookingId":"%s","bookingVersion":1,"occurredAt":"2026-01-01T00:00:00Z"%s}""";
        ProducerRecord<String, String> record = switch (kind) {
            case 0 -> new ProducerRecord<>(BookingTopics.BOOKING_EVENTS, key, "{not json");
            case 1 -> new ProducerRecord<>(BookingTopics.BOOKING_EVENTS, key, "{}");
            case 2 -> new ProducerRecord<>(BookingTopics.BOOKING_EVENTS, key, event.formatted(UUID.randomUUID(), key, ""));
            case 3 -> new ProducerRecord<>(BookingTopics.BOOKING_EVENTS, key, event.formatted(UUID.randomUUID(), key,
                    ",\"note\":\"" + "x".repeat(1_000_000) + "\""));
            default -> new ProducerRecord<>(BookingTopics.BOOKING_EVENTS, key, event.formatted(UUID.randomUUID(),
                    UUID.randomUUID(), ""));
        };
        String type = (kind == 1) ? "dev.stillpoint.booking.exploded.v7" : BookingEventType.CONFIRMED.ceType();
        record.headers().add(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static void send(KafkaProducer<String, String> producer, ProducerRecord<String, String> record) {
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        }
        catch (Exception ex) {
            throw new IllegalStateException("Could not send a poison record", ex);
        }
    }

    /** How many of the poison records are on the dead-letter topic with a reason, waiting up to a minute for them. */
    private long deadLettered(Set<String> keys) {
        Set<String> found = new HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.infrastructure.bootstrapServers(),
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(BookingTopics.BOOKING_EVENTS_DEAD_LETTER).stream()
                .map((info) -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (found.size() < keys.size() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach((record) -> {
                    if (keys.contains(record.key()) && record.headers().lastHeader(DeadLetterHeaders.REASON) != null) {
                        found.add(record.key());
                    }
                });
            }
        }
        return found.size();
    }

    /** The consumer group's lag on booking.events once it has caught up, or what is left after a minute. */
    private long lagAfter() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                this.infrastructure.bootstrapServers()))) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            long lag;
            do {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
                for (int partition = 0; partition < BookingTopics.BOOKING_EVENTS_PARTITIONS; partition++) {
                    latest.put(new TopicPartition(BookingTopics.BOOKING_EVENTS, partition), OffsetSpec.latest());
                }
                lag = 0;
                for (var end : admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet()) {
                    OffsetAndMetadata at = committed.get(end.getKey());
                    lag += end.getValue().offset() - ((at != null) ? at.offset() : 0);
                }
                if (lag > 0) {
                    Pause.briefly(Duration.ofMillis(500));
                }
            }
            while (lag > 0 && System.nanoTime() < deadline);
            return lag;
        }
    }

}
