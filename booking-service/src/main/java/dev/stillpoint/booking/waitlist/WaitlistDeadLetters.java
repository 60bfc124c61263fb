package dev.stillpoint.booking.waitlist;

import dev.stillpoint.events.booking.BookingTopics;
import dev.stillpoint.support.DeadLetters;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The booking events' {@code -dlt} topic is notification-service's, their first consumer's: the waitlist parks what it
 * cannot handle on a dead-letter topic of its own.
 */
@Configuration(proxyBeanMethods = false)
class WaitlistDeadLetters {

    @Bean
    NewTopic waitlistBookingEventsDeadLetterTopic() {
        return DeadLetters.topicFor(BookingTopics.BOOKING_EVENTS, FreedTimesListener.GROUP_ID,
                BookingTopics.BOOKING_EVENTS_PARTITIONS);
    }

}
