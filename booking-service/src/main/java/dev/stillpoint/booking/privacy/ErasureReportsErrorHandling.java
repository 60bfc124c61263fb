package dev.stillpoint.booking.privacy;

import dev.stillpoint.events.privacy.PrivacyTopics;
import dev.stillpoint.support.DeadLetters;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import tools.jackson.core.JacksonException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * A report booking-service cannot read, or cannot record after a few tries, goes to {@code client.erasure-reports-dlt}
 * with the reason in its headers, and the listener carries on with the next.
 */
@Configuration(proxyBeanMethods = false)
class ErasureReportsErrorHandling {

    static final String DEAD_LETTER_TOPIC = PrivacyTopics.ERASURE_REPORTS + DeadLetters.SUFFIX;

    @Bean
    NewTopic erasureReportsDeadLetterTopic() {
        return DeadLetters.topicFor(PrivacyTopics.ERASURE_REPORTS, PrivacyTopics.PARTITIONS);
    }

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, String> template, MeterRegistry registry) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template, DeadLetters::destination);
        ExponentialBackOff fewTimes = new ExponentialBackOff(500, 2.0);
        fewTimes.setMaxAttempts(3);
        DefaultErrorHandler handler = new DefaultErrorHandler(DeadLetters.counted(recoverer, registry), fewTimes);
        // a body that is not a report will not become one by trying again
        handler.addNotRetryableExceptions(JacksonException.class);
        return handler;
    }

}
