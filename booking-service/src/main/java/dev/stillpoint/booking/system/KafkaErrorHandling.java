package dev.stillpoint.booking.system;

import java.util.List;

import dev.stillpoint.events.privacy.PrivacyTopics;
import dev.stillpoint.support.DeadLetters;
import dev.stillpoint.support.ListenerErrorHandlers;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import tools.jackson.core.JacksonException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * What booking-service's listeners (the erasure reports, the waitlist's reading of the booking events) do with a record
 * they cannot handle: service-support's {@link ListenerErrorHandlers}. The waitlist parks booking events on a
 * dead-letter topic of its own (waitlist's WaitlistDeadLetters); notification-service, the booking events' first
 * consumer, has theirs.
 */
@Configuration(proxyBeanMethods = false)
class KafkaErrorHandling {

    @Bean
    NewTopic erasureReportsDeadLetterTopic() {
        return DeadLetters.topicFor(PrivacyTopics.ERASURE_REPORTS, PrivacyTopics.PARTITIONS);
    }

    @Bean
    DefaultErrorHandler kafkaErrorHandler(ProducerFactory<Object, Object> producers, MeterRegistry registry,
            List<NewTopic> topics) {
        return ListenerErrorHandlers.deadLettering(producers, registry)
            // a body that is not a report will not become one by trying again
            .notRetryable(JacksonException.class)
            .ownDeadLetterTopicsAmong(topics)
            .build();
    }

}
