package dev.stillpoint.notification.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.springframework.stereotype.Component;

/**
 * Reads the latest records of a topic for the console, with a consumer of its own that belongs to no group: it
 * commits nothing and never takes part in a rebalance of the services' groups.
 */
@Component
class TopicBrowser {

    /** With a filter, how far back each partition is searched. */
    static final int SEARCH_DEPTH = 10_000;

    private final KafkaInspector inspector;

    TopicBrowser(KafkaInspector inspector) {
        this.inspector = inspector;
    }

    /** The newest {@code limit} records of the topic, newest first; only those about {@code bookingId} if given. */
    List<KafkaRecordView> latest(String topic, int limit, String bookingId) {
        requireTopicName(topic);
        boolean filtered = bookingId != null && !bookingId.isBlank();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, KafkaInspector.TIMEOUT).stream()
                .map((info) -> new TopicPartition(topic, info.partition())).toList();
            if (partitions.isEmpty()) {
                throw new IllegalArgumentException("There is no topic named " + topic);
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions, KafkaInspector.TIMEOUT);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, KafkaInspector.TIMEOUT);
            int depth = filtered ? SEARCH_DEPTH : limit;
            for (TopicPartition partition : partitions) {
                consumer.seek(partition, Math.max(starts.get(partition), ends.get(partition) - depth));
            }
            return readUntil(consumer, ends).stream()
                .filter((record) -> !filtered || record.mentions(bookingId.strip()))
                .sorted(Comparator.comparing(KafkaRecordView::timestamp).thenComparing(KafkaRecordView::offset)
                    .reversed())
                .limit(limit)
                .toList();
        }
    }

    /** The record at {@code offset}, if it is still there. */
    Optional<KafkaRecordView> read(String topic, int partition, long offset) {
        requireTopicName(topic);
        TopicPartition tp = new TopicPartition(topic, partition);
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.assign(List.of(tp));
            long end = consumer.endOffsets(List.of(tp), KafkaInspector.TIMEOUT).get(tp);
            if (offset >= end) {
                return Optional.empty();
            }
            consumer.seek(tp, offset);
            return readUntil(consumer, Map.of(tp, offset + 1)).stream()
                .filter((record) -> record.offset() == offset)
                .findFirst();
        }
    }

    /** Kafka's own rule for a topic's name: a name outside it is no topic (404), not an error of the console. */
    private static void requireTopicName(String topic) {
        if (!topic.matches("[a-zA-Z0-9._-]{1,249}")) {
            throw new IllegalArgumentException("There is no topic by that name.");
        }
    }

    private static List<KafkaRecordView> readUntil(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
        List<KafkaRecordView> records = new ArrayList<>();
        Instant deadline = Instant.now().plus(KafkaInspector.TIMEOUT);
        while (!caughtUp(consumer, ends) && Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                    records.add(KafkaRecordView.of(record));
                }
            }
        }
        return records;
    }

    private static boolean caughtUp(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch((end) -> consumer.position(end.getKey()) >= end.getValue());
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> config = new HashMap<>(this.inspector.connection());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "ops-console");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // looking must never create: a mistyped topic name is answered, not made
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

}
