package dev.stillpoint.newsletter.subscriber;

import dev.stillpoint.events.privacy.ClientErasureRequested;
import dev.stillpoint.events.privacy.PrivacyTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Requests to erase a client, from booking-service. */
@Component
class ErasureRequestsListener {

    static final String GROUP_ID = "newsletter-service-erasure";

    private final NewsletterErasure erasure;

    private final JsonMapper json;

    ErasureRequestsListener(NewsletterErasure erasure, JsonMapper json) {
        this.erasure = erasure;
        this.json = json;
    }

    @KafkaListener(id = GROUP_ID, topics = PrivacyTopics.ERASURE_REQUESTS)
    void on(ConsumerRecord<String, String> record) {
        this.erasure.erase(this.json.readValue(record.value(), ClientErasureRequested.class));
    }

}
