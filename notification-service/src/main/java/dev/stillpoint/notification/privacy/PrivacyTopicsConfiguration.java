package dev.stillpoint.notification.privacy;

import dev.stillpoint.events.privacy.PrivacyTopics;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The dead letters of erasure requests: as many partitions as the requests, as every dead-letter topic has. */
@Configuration(proxyBeanMethods = false)
class PrivacyTopicsConfiguration {

    @Bean
    NewTopic erasureRequestsDeadLetterTopic() {
        return TopicBuilder.name(PrivacyTopics.ERASURE_REQUESTS_DEAD_LETTER).partitions(PrivacyTopics.PARTITIONS).build();
    }

}
