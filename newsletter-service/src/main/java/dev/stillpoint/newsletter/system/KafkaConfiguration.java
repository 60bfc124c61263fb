package dev.stillpoint.newsletter.system;

import java.util.List;

import dev.stillpoint.events.mail.MailTopics;
import dev.stillpoint.events.newsletter.NewsletterTopics;
import dev.stillpoint.support.DeadLetters;
import dev.stillpoint.support.ListenerErrorHandlers;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * The topics newsletter-service owns, and how its listeners fail (service-support's {@link ListenerErrorHandlers}): work
 * that may succeed later (the SMTP server is away, another instance holds the claim, the database is away) is retried
 * with back-off for as long as it takes; anything else is tried a few times and then dead-lettered with the reason,
 * and the consumer goes on.
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

    @Bean
    DefaultErrorHandler kafkaErrorHandler(ProducerFactory<Object, Object> producers, MeterRegistry registry,
            List<NewTopic> topics) {
        // the booking events and the erasure requests are notification-service's first: ours are parked apart, on the
        // dead-letter topics of our own that subscriber's ListenerDeadLetters declares
        return ListenerErrorHandlers.deadLettering(producers, registry).ownDeadLetterTopicsAmong(topics).build();
    }

    /** For the senders' batch listener, which finds unreadable records itself. */
    @Bean
    ConsumerRecordRecoverer deadLetters(ProducerFactory<Object, Object> producers, MeterRegistry registry) {
        return ListenerErrorHandlers.deadLettering(producers, registry).recoverer();
    }

    /**
     * The senders' containers: each poll's records as one batch ({@link DeliveryListener}). A batch that fails is
     * retried whole, in memory, with back-off for as long as it takes (the consumer paused but polling, so it keeps
     * its partitions): the ledger makes sending a batch again safe, as whoever was reached already is skipped.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<Object, Object> deliveriesContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
            ProducerFactory<Object, Object> producers, MeterRegistry registry) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumers);
        factory.setBatchListener(true);
        factory.setCommonErrorHandler(ListenerErrorHandlers.deadLettering(producers, registry).untilItWorks().build());
        return factory;
    }

}
