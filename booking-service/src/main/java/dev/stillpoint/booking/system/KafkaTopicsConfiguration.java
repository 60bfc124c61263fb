package dev.stillpoint.booking.system;

import dev.stillpoint.events.booking.BookingTopics;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** booking-service owns the booking topic: it declares it, with the partitions consumers scale to. */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

    @Bean
    NewTopic bookingEventsTopic() {
        return TopicBuilder.name(BookingTopics.BOOKING_EVENTS).partitions(BookingTopics.BOOKING_EVENTS_PARTITIONS).build();
    }

}
