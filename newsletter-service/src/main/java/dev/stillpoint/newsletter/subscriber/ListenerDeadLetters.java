package dev.stillpoint.newsletter.subscriber;

import dev.stillpoint.events.booking.BookingTopics;
import dev.stillpoint.events.privacy.PrivacyTopics;
import dev.stillpoint.support.DeadLetters;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The booking events and the erasure requests are notification-service's first, and their {@code -dlt} topics its: our
 * listeners of them park what they cannot handle on dead-letter topics of their own.
 */
@Configuration(proxyBeanMethods = false)
class ListenerDeadLetters {

    @Bean
    NewTopic bookingOptInDeadLetterTopic() {
        return DeadLetters.topicFor(BookingTopics.BOOKING_EVENTS, BookingOptInListener.GROUP_ID,
                BookingTopics.BOOKING_EVENTS_PARTITIONS);
    }

    @Bean
    NewTopic erasureRequestsDeadLetterTopic() {
        return DeadLetters.topicFor(PrivacyTopics.ERASURE_REQUESTS, ErasureRequestsListener.GROUP_ID,
                PrivacyTopics.PARTITIONS);
    }

}
