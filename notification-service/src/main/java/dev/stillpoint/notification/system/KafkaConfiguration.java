package dev.stillpoint.notification.system;

import dev.stillpoint.events.booking.BookingTopics;
import dev.stillpoint.events.client.ClientTopics;
import dev.stillpoint.events.waitlist.WaitlistTopics;
import dev.stillpoint.notification.booking.InvalidEventException;
import dev.stillpoint.support.CloudEventDeserializer;
import dev.stillpoint.support.DeadLetters;
import dev.stillpoint.support.ListenerErrorHandlers;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * notification-service reads every topic it consumes first (booking, waitlist events, preferences, erasure requests):
 * their dead-letter topics are its, and service-support's {@link ListenerErrorHandlers} parks there a record that
 * cannot be read or still fails after a few quick tries, with the reason; the consumer carries on with the next.
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
    DefaultErrorHandler kafkaErrorHandler(ProducerFactory<Object, Object> producers, MeterRegistry registry) {
        return ListenerErrorHandlers.deadLettering(producers, registry)
            .notRetryable(InvalidEventException.class)
            .build();
    }

}
