package dev.stillpoint.newsletter.system;

import dev.stillpoint.events.booking.BookingTopics;
import dev.stillpoint.events.mail.MailTopics;
import dev.stillpoint.events.newsletter.NewsletterTopics;
import dev.stillpoint.events.privacy.PrivacyTopics;
import dev.stillpoint.newsletter.delivery.RetryLaterException;
import dev.stillpoint.newsletter.subscriber.BookingOptInListener;
import dev.stillpoint.newsletter.subscriber.ErasureRequestsListener;
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
import org.springframework.kafka.listener.DefaultErrorHandler;

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

    @Bean
    NewTopic bookingEventsDeadLetterTopic() {
        return DeadLetters.topicFor(BookingTopics.BOOKING_EVENTS, BookingOptInListener.GROUP_ID,
                BookingTopics.BOOKING_EVENTS_PARTITIONS);
    }

    @Bean
    NewTopic erasureRequestsDeadLetterTopic() {
        return DeadLetters.topicFor(PrivacyTopics.ERASURE_REQUESTS, ErasureRequestsListener.GROUP_ID,
                PrivacyTopics.PARTITIONS);
    }

    @Bean
    DefaultErrorHandler kafkaErrorHandler(ProducerFactory<Object, Object> producers, MeterRegistry registry) {
        // the booking events and the erasure requests are notification-service's first: ours are parked apart
        return ListenerErrorHandlers.deadLettering(producers, registry)
            .retryLaterOn(RetryLaterException.class)
            .ownDeadLetterTopic(BookingOptInListener.GROUP_ID)
            .ownDeadLetterTopic(ErasureRequestsListener.GROUP_ID)
            .build();
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
