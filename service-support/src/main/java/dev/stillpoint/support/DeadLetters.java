package dev.stillpoint.support;

import dev.stillpoint.events.DeadLetterTopics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;

/**
 * Dead letters, the same way in every service: a record that cannot be handled goes to its topic's dead-letter topic
 * (named by {@link DeadLetterTopics}, same partition; {@link ListenerErrorHandlers} puts it there), which keeps it until
 * someone handles it, and each one is counted.
 */
public final class DeadLetters {

    /** {@code stillpoint_kafka_dead_letters_total{topic=...}} in Prometheus. */
    public static final String COUNTER = "stillpoint.kafka.dead.letters";

    private DeadLetters() {
    }

    /**
     * The dead-letter topic of {@code topic}, with as many partitions: records are kept for ever ({@code retention.ms
     * = -1}), as nobody may have looked at them yet, and a dead letter is few and small.
     */
    public static NewTopic topicFor(String topic, int partitions) {
        return TopicBuilder.name(DeadLetterTopics.of(topic)).partitions(partitions)
            .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
            .build();
    }

    /** The dead-letter topic of consumer group {@code group} of {@code topic}, for a group that has one of its own. */
    public static NewTopic topicFor(String topic, String group, int partitions) {
        return TopicBuilder.name(DeadLetterTopics.of(topic, group)).partitions(partitions)
            .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
            .build();
    }

    /** The recoverer, counting each record it has published to a dead-letter topic. */
    public static ConsumerRecordRecoverer counted(ConsumerRecordRecoverer recoverer, MeterRegistry registry) {
        return (record, ex) -> {
            recoverer.accept(record, ex);
            registry.counter(COUNTER, "topic", record.topic()).increment();
        };
    }

}
