package dev.stillpoint.newsletter.system;

import dev.stillpoint.events.mail.MailTopics;
import dev.stillpoint.events.newsletter.NewsletterTopics;
import dev.stillpoint.newsletter.delivery.RetryLaterException;
import dev.stillpoint.support.DeadLetters;
import dev.stillpoint.support.Outages;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The topics newsletter-service owns, and how its listeners fail: work that may succeed later (the SMTP server is
 * away, another instance holds the claim, the database is away) is retried with back-off for as long as it takes;
 * anything else is tried a few times and then dead-lettered with the reason, and the consumer goes on.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

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
        return DeadLetters.topicFor(NewsletterTopics.NEWSLETTER_DELIVERIES, NewsletterTopics.NEWSLETTER_DELIVERIES_PARTITIONS);
    }

    @Bean
    NewTopic mailBouncesDeadLetterTopic() {
        return DeadLetters.topicFor(MailTopics.BOUNCES, MailTopics.PARTITIONS);
    }

    /** Dead letters go to the record's topic + {@code -dlt}, same partition, with the reason in the headers. */
    @Bean
    ConsumerRecordRecoverer deadLetters(KafkaTemplate<String, String> template, MeterRegistry registry) {
        return DeadLetters.counted(new DeadLetterPublishingRecoverer(template, DeadLetters::destination), registry);
    }

    @Bean
    DefaultErrorHandler kafkaErrorHandler(ConsumerRecordRecoverer deadLetters) {
        ExponentialBackOff fewTimes = new ExponentialBackOff(500, 2.0);
        fewTimes.setMaxAttempts(3);
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, fewTimes);
        // the database away (a restart, a fail-over) is waited out: a booking's newsletter opt-in is not dead-lettered
        handler.setBackOffFunction((record, ex) -> isRetryLater(ex) ? retryForAsLongAsItTakes() : Outages.backOffFor(ex));
        return handler;
    }

    /**
     * The senders' containers: each poll's records as one batch ({@link DeliveryListener}). A batch that fails is
     * retried whole, in memory, with back-off for as long as it takes (the consumer paused but polling, so it keeps
     * its partitions): the ledger makes sending a batch again safe, as whoever was reached already is skipped.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<Object, Object> deliveriesContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
            ConsumerRecordRecoverer deadLetters) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumers);
        factory.setBatchListener(true);
        factory.setCommonErrorHandler(new DefaultErrorHandler(deadLetters, retryForAsLongAsItTakes()));
        return factory;
    }

    private static ExponentialBackOff retryForAsLongAsItTakes() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        return backOff;
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
