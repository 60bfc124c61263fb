package dev.stillpoint.notification.privacy;

import dev.stillpoint.events.privacy.PrivacyTopics;
import dev.stillpoint.support.DeadLetters;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The dead letters of erasure requests: as many partitions as the requests, as every dead-letter topic has. */
@Configuration(proxyBeanMethods = false)
class PrivacyTopicsConfiguration {

    @Bean
    NewTopic erasureRequestsDeadLetterTopic() {
        return DeadLetters.topicFor(PrivacyTopics.ERASURE_REQUESTS, PrivacyTopics.PARTITIONS);
    }

}
