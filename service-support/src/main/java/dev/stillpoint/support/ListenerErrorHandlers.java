package dev.stillpoint.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.stillpoint.events.DeadLetterHeaders;
import dev.stillpoint.events.DeadLetterTopics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How every listener of every service fails, declared once. A record that cannot be read, or still fails after a few
 * quick tries, goes to its dead-letter topic ({@link DeadLetterTopics}) on the same partition, as the bytes, text or
 * JSON it arrived as, with the reason in one line and the consumer group in {@link DeadLetterHeaders}; it is counted,
 * and the consumer carries on. A failure that is no fault of the record is retried, the consumer paused but polling:
 * the database away ({@link Outages}) every five seconds, and a {@link RetryLaterException} with back-off up to 30 s,
 * for as long as it takes.
 */
public final class ListenerErrorHandlers {

    private static final int TRIES = 3;

    private ListenerErrorHandlers() {
    }

    /** A handler that dead-letters through the service's producers (their settings, other value serialisers). */
    public static Builder deadLettering(ProducerFactory<Object, Object> producers, MeterRegistry registry) {
        return new Builder(producers, registry);
    }

    /** Whether {@code ex} or any of its causes is a {@code type}. */
    public static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /** Where a record that group {@code groupsWithOwnTopics} (or another) failed on goes. */
    static TopicPartition destination(ConsumerRecord<?, ?> record, Exception ex, Set<String> groupsWithOwnTopics) {
        String group = groupOf(ex);
        String topic = (group != null && groupsWithOwnTopics.contains(group))
                ? DeadLetterTopics.of(record.topic(), group) : DeadLetterTopics.of(record.topic());
        return new TopicPartition(topic, record.partition());
    }

    /** Why, in one line (the most specific cause's message), and which consumer group gave up. */
    static Headers reasonHeaders(Exception ex) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
        String reason = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getName();
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetterHeaders.REASON, reason.lines().findFirst().orElse(reason).getBytes(StandardCharsets.UTF_8));
        String group = groupOf(ex);
        if (group != null) {
            headers.add(DeadLetterHeaders.CONSUMER_GROUP, group.getBytes(StandardCharsets.UTF_8));
        }
        return headers;
    }

    private static String groupOf(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof ListenerExecutionFailedException failed && failed.getGroupId() != null) {
                return failed.getGroupId();
            }
        }
        return null;
    }

    private static ExponentialBackOff forAsLongAsItTakes() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        return backOff;
    }

    public static final class Builder {

        private final ProducerFactory<Object, Object> producers;

        private final MeterRegistry registry;

        private final List<Class<? extends Exception>> notRetryable = new ArrayList<>();

        private final Set<String> groupsWithOwnTopics = new HashSet<>();

        private boolean untilItWorks;

        private Builder(ProducerFactory<Object, Object> producers, MeterRegistry registry) {
            this.producers = producers;
            this.registry = registry;
        }

        /** Failures that trying again will not mend: dead-lettered at once. */
        @SafeVarargs
        public final Builder notRetryable(Class<? extends Exception>... types) {
            this.notRetryable.addAll(List.of(types));
            return this;
        }

        /**
         * The consumer groups whose own dead-letter topics ({@link DeadLetterTopics#of(String, String)}) are among
         * {@code topics} (the service's topic beans) park their dead letters there.
         */
        public Builder ownDeadLetterTopicsAmong(Iterable<NewTopic> topics) {
            for (NewTopic topic : topics) {
                String group = DeadLetterTopics.groupOf(topic.name());
                if (group != null) {
                    this.groupsWithOwnTopics.add(group);
                }
            }
            return this;
        }

        /** Every failure is retried, with back-off, until it passes (a batch that is safe to send again). */
        public Builder untilItWorks() {
            this.untilItWorks = true;
            return this;
        }

        /**
         * What parks a record on its dead-letter topic, with the reason, and counts it: for a listener that finds a
         * record unreadable itself (give it a {@link ListenerExecutionFailedException} naming the group).
         */
        public ConsumerRecordRecoverer recoverer() {
            Set<String> ownTopics = Set.copyOf(this.groupsWithOwnTopics);
            DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(templates(),
                    (record, ex) -> destination(record, ex, ownTopics));
            recoverer.setHeadersFunction((record, ex) -> reasonHeaders(ex));
            return DeadLetters.counted(recoverer, this.registry);
        }

        public DefaultErrorHandler build() {
            ExponentialBackOff fewTimes = new ExponentialBackOff(500, 2.0);
            fewTimes.setMaxAttempts(TRIES);
            DefaultErrorHandler handler = new DefaultErrorHandler(recoverer(),
                    this.untilItWorks ? forAsLongAsItTakes() : fewTimes);
            this.notRetryable.forEach(handler::addNotRetryableExceptions);
            handler.setBackOffFunction((record, ex) -> backOffFor(ex));
            return handler;
        }

        private static BackOff backOffFor(Exception ex) {
            BackOff outage = Outages.backOffFor(ex);
            if (outage != null) {
                return outage;
            }
            return causedBy(ex, RetryLaterException.class) ? forAsLongAsItTakes() : null;
        }

        /** Values as they arrived: bytes that could not be read, text, or an event read from JSON, as JSON again. */
        private Map<Class<?>, KafkaOperations<?, ?>> templates() {
            Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
            templates.put(byte[].class, new KafkaTemplate<>(this.producers,
                    Map.of(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
            templates.put(String.class, new KafkaTemplate<>(this.producers));
            templates.put(Object.class, new KafkaTemplate<>(this.producers,
                    Map.of(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, JacksonJsonSerializer.class,
                            JacksonJsonSerializer.ADD_TYPE_INFO_HEADERS, false)));
            return templates;
        }

    }

}
