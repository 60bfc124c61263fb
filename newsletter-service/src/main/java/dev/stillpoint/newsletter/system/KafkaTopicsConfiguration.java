package dev.stillpoint.newsletter.system;

import dev.stillpoint.events.newsletter.NewsletterTopics;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

    @Bean
    NewTopic newsletterEventsTopic() {
        return TopicBuilder.name(NewsletterTopics.NEWSLETTER_EVENTS)
            .partitions(NewsletterTopics.NEWSLETTER_EVENTS_PARTITIONS)
            .build();
    }

}
