package dev.stillpoint.embedded;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import static org.awaitility.Awaitility.await;

/** Reads a topic from the beginning, as any Kafka tool would, to assert what was published. */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;

    private final List<ConsumerRecord<String, String>> records = new CopyOnWriteArrayList<>();

    public TopicReader(String bootstrapServers, String topic, int partitions) {
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        // the topic may not exist yet: once it does, read it from its first record
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> all = java.util.stream.IntStream.range(0, partitions)
            .mapToObj((partition) -> new TopicPartition(topic, partition)).toList();
        this.consumer.assign(all);
        this.consumer.seekToBeginning(all);
    }

    /** Waits until {@code count} records with this key have arrived, and returns them in order. */
    public synchronized List<ConsumerRecord<String, String>> awaitRecords(String key, int count) {
        await().atMost(Waits.STEP).until(() -> {
            this.consumer.poll(Duration.ofMillis(100)).forEach(this.records::add);
            return recordsWithKey(key).size() >= count;
        });
        return recordsWithKey(key);
    }

    private List<ConsumerRecord<String, String>> recordsWithKey(String key) {
        return this.records.stream().filter((record) -> key.equals(record.key())).toList();
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return (header != null) ? new String(header.value(), java.nio.charset.StandardCharsets.UTF_8) : null;
    }

    @Override
    public void close() {
        this.consumer.close();
    }

}
