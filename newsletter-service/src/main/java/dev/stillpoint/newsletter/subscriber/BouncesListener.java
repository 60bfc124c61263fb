package dev.stillpoint.newsletter.subscriber;

import dev.stillpoint.events.mail.EmailBounced;
import dev.stillpoint.events.mail.MailTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Bounces and complaints about our emails, from notification-service's bounce log. */
@Component
class BouncesListener {

    static final String GROUP_ID = "newsletter-service-bounces";

    private final Bounces bounces;

    private final JsonMapper json;

    BouncesListener(Bounces bounces, JsonMapper json) {
        this.bounces = bounces;
        this.json = json;
    }

    @KafkaListener(id = GROUP_ID, topics = MailTopics.BOUNCES)
    void on(ConsumerRecord<String, String> record) {
        this.bounces.handle(this.json.readValue(record.value(), EmailBounced.class));
    }

}
