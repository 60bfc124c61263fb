package dev.stillpoint.booking.system;

import dev.stillpoint.events.booking.BookingTopics;
import dev.stillpoint.events.client.ClientTopics;
import dev.stillpoint.events.privacy.PrivacyTopics;
import dev.stillpoint.events.waitlist.WaitlistTopics;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** booking-service owns the booking, client preferences, waitlist and erasure topics: it declares them, with the partitions consumers scale to. */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

    @Bean
    NewTopic bookingEventsTopic() {
        return TopicBuilder.name(BookingTopics.BOOKING_EVENTS).partitions(BookingTopics.BOOKING_EVENTS_PARTITIONS).build();
    }

    /** Erasure requests go out from here, and the services' reports come back here. */
    @Bean
    NewTopic erasureRequestsTopic() {
        return TopicBuilder.name(PrivacyTopics.ERASURE_REQUESTS).partitions(PrivacyTopics.PARTITIONS).build();
    }

    /** Each client's choice of optional emails; compacted, as only the latest choice of each client matters. */
    @Bean
    NewTopic clientPreferencesTopic() {
        return TopicBuilder.name(ClientTopics.PREFERENCES).partitions(ClientTopics.PARTITIONS).compact().build();
    }

    /** The waitlist's offers of freed times, and word that one went. */
    @Bean
    NewTopic waitlistEventsTopic() {
        return TopicBuilder.name(WaitlistTopics.WAITLIST_EVENTS).partitions(WaitlistTopics.PARTITIONS).build();
    }

    @Bean
    NewTopic erasureReportsTopic() {
        return TopicBuilder.name(PrivacyTopics.ERASURE_REPORTS).partitions(PrivacyTopics.PARTITIONS).build();
    }

}
