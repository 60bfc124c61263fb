package dev.stillpoint.newsletter.delivery;

import dev.stillpoint.events.newsletter.NewsletterTopics;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Each instance's senders: one consumer per partition, up to {@code stillpoint.newsletter.senders} per instance. */
@Component
public class DeliveryListener {

    public static final String GROUP_ID = "newsletter-deliveries";

    private final NewsletterSending sending;

    private final JsonMapper json;

    DeliveryListener(NewsletterSending sending, JsonMapper json) {
        this.sending = sending;
        this.json = json;
    }

    @KafkaListener(id = GROUP_ID, topics = NewsletterTopics.NEWSLETTER_DELIVERIES,
            concurrency = "${stillpoint.newsletter.senders:4}")
    void on(String record) throws InterruptedException {
        this.sending.send(this.json.readValue(record, DeliveryRequest.class));
    }

}
