package dev.stillpoint.notification.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.stillpoint.events.DeadLetterHeaders;
import dev.stillpoint.events.booking.BookingTopics;
import dev.stillpoint.events.client.ClientTopics;
import dev.stillpoint.events.waitlist.WaitlistTopics;
import dev.stillpoint.notification.booking.BookingEventsListener;
import dev.stillpoint.notification.booking.InvalidEventException;
import dev.stillpoint.support.CloudEventDeserializer;
import dev.stillpoint.support.DeadLetters;
import dev.stillpoint.support.Outages;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * A record that cannot be read, or that fails after a few quick retries, goes to {@code <topic>-dlt} with the reason
 * in its {@code kafka_dlt-exception-*} headers; the consumer carries on with the next record.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    @Bean
    NewTopic bookingEventsDeadLetterTopic() {
        return DeadLetters.topicFor(BookingTopics.BOOKING_EVENTS, BookingTopics.BOOKING_EVENTS_PARTITIONS);
    }

    @Bean
    NewTopic clientPreferencesDeadLetterTopic() {
        return DeadLetters.topicFor(ClientTopics.PREFERENCES, ClientTopics.PARTITIONS);
    }

    @Bean
    NewTopic waitlistEventsDeadLetterTopic() {
        return DeadLetters.topicFor(WaitlistTopics.WAITLIST_EVENTS, WaitlistTopics.PARTITIONS);
    }

    /**
     * Every value is read as the event its {@code ce_type} header names; one that cannot be read reaches the error
     * handler below as the bytes it arrived as, and is dead-lettered with the reason.
     */
    @Bean
    @SuppressWarnings("unchecked")
    DefaultKafkaConsumerFactoryCustomizer cloudEventValues(JsonMapper json) {
        return (factory) -> ((DefaultKafkaConsumerFactory<Object, Object>) factory)
            .setValueDeserializerSupplier(() -> new ErrorHandlingDeserializer<>(new CloudEventDeserializer(json)));
    }

    /**
     * A batch listener (booking events) still records an observation per record, as a record listener does: the
     * {@code spring.kafka.listener} metrics count records, not polls.
     */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> recordObservationsInBatch() {
        return (container) -> container.getContainerProperties().setRecordObservationsInBatch(true);
    }

    @Bean
    DefaultErrorHandler kafkaErrorHandler(ProducerFactory<Object, Object> producerFactory, MeterRegistry registry) {
        // unreadable records are dead-lettered as the bytes they arrived as; failed ones as the JSON they were read from
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, new KafkaTemplate<>(producerFactory,
                Map.of(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
        templates.put(Object.class, new KafkaTemplate<>(producerFactory,
                Map.of(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, JacksonJsonSerializer.class,
                        JacksonJsonSerializer.ADD_TYPE_INFO_HEADERS, false)));
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(templates, DeadLetters::destination);
        recoverer.setHeadersFunction((record, ex) -> reasonHeaders(ex));
        ExponentialBackOff backOff = new ExponentialBackOff(Duration.ofMillis(500).toMillis(), 2);
        backOff.setMaxElapsedTime(Duration.ofSeconds(10).toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(DeadLetters.counted(recoverer, registry), backOff);
        handler.addNotRetryableExceptions(InvalidEventException.class);
        // the database being away is no fault of the record: wait for it, holding the partition, rather than dead-letter
        handler.setBackOffFunction((record, ex) -> Outages.backOffFor(ex));
        return handler;
    }

    private static Headers reasonHeaders(Exception ex) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
        String reason = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getName();
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetterHeaders.REASON, reason.lines().findFirst().orElse(reason).getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetterHeaders.CONSUMER_GROUP, BookingEventsListener.GROUP_ID.getBytes(StandardCharsets.UTF_8));
        return headers;
    }

}
