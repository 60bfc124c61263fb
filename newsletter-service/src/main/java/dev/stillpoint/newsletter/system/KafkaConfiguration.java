package dev.stillpoint.newsletter.system;

import dev.stillpoint.events.newsletter.NewsletterTopics;
import dev.stillpoint.newsletter.delivery.RetryLaterException;
import dev.stillpoint.support.DeadLetters;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The topics newsletter-service owns, and how its listeners fail: work that may succeed later (the SMTP server is
 * away, another instance holds the claim) is retried with back-off for as long as it takes; anything else is tried a
 * few times and then dead-lettered with the reason, and the consumer goes on.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    static final String DEAD_LETTER_SUFFIX = "-dlt";

    @Bean
    NewTopic newsletterEventsTopic() {
        return TopicBuilder.name(NewsletterTopics.NEWSLETTER_EVENTS)
            .partitions(NewsletterTopics.NEWSLETTER_EVENTS_PARTITIONS)
            .build();
    }

    @Bean
    NewTopic newsletterDeliveriesTopic() {
        return TopicBuilder.name(NewsletterTopics.NEWSLETTER_DELIVERIES)
            .partitions(NewsletterTopics.NEWSLETTER_DELIVERIES_PARTITIONS)
            .build();
    }

    @Bean
    NewTopic newsletterDeliveriesDeadLetterTopic() {
        return TopicBuilder.name(NewsletterTopics.NEWSLETTER_DELIVERIES + DEAD_LETTER_SUFFIX)
            .partitions(NewsletterTopics.NEWSLETTER_DELIVERIES_PARTITIONS)
            .build();
    }

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, String> template, MeterRegistry registry) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, ex) -> new TopicPartition(record.topic() + DEAD_LETTER_SUFFIX, record.partition()));
        ExponentialBackOff retryForAsLongAsItTakes = new ExponentialBackOff(500, 2.0);
        retryForAsLongAsItTakes.setMaxInterval(30_000);
        ExponentialBackOff fewTimes = new ExponentialBackOff(500, 2.0);
        fewTimes.setMaxAttempts(3);
        DefaultErrorHandler handler = new DefaultErrorHandler(DeadLetters.counted(recoverer, registry), fewTimes);
        handler.setBackOffFunction((record, ex) -> isRetryLater(ex) ? retryForAsLongAsItTakes : (BackOff) null);
        return handler;
    }

    private static boolean isRetryLater(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof RetryLaterException) {
                return true;
            }
        }
        return false;
    }

}
