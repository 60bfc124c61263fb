package dev.stillpoint.support;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.kafka.listener.ConsumerRecordRecoverer;

/** Counts the records a service dead-letters, by the topic they came from. */
public final class DeadLetters {

    /** {@code stillpoint_kafka_dead_letters_total{topic=...}} in Prometheus. */
    public static final String COUNTER = "stillpoint.kafka.dead.letters";

    private DeadLetters() {
    }

    /** The recoverer, counting each record it has published to a dead-letter topic. */
    public static ConsumerRecordRecoverer counted(ConsumerRecordRecoverer recoverer, MeterRegistry registry) {
        return (record, ex) -> {
            recoverer.accept(record, ex);
            registry.counter(COUNTER, "topic", record.topic()).increment();
        };
    }

}
