package dev.stillpoint.booking.system;

import dev.stillpoint.events.privacy.PrivacyTopics;
import dev.stillpoint.support.DeadLetters;
import dev.stillpoint.support.Outages;
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
 * What booking-service's listeners (the erasure reports, the waitlist's reading of the booking events) do with a record
 * they cannot handle: one that cannot be read, or still fails after a few tries, goes to {@code <topic>-dlt} with the
 * reason in its headers, and the listener carries on with the next. A record that failed because the database was
 * away is no fault of its own: it is retried every five seconds until the database is back, never dead-lettered.
 */
@Configuration(proxyBeanMethods = false)
class KafkaErrorHandling {

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
        handler.setBackOffFunction((record, ex) -> Outages.backOffFor(ex));
        return handler;
    }

}
