package dev.stillpoint.notification.privacy;

import dev.stillpoint.events.privacy.ClientErasureRequested;
import dev.stillpoint.events.privacy.PrivacyTopics;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Requests to erase a client, from booking-service; a record that cannot be read is dead-lettered with the reason. */
@Component
class ErasureRequestsListener {

    static final String GROUP_ID = "notification-service-erasure";

    private final NotificationErasure erasure;

    ErasureRequestsListener(NotificationErasure erasure) {
        this.erasure = erasure;
    }

    @KafkaListener(id = GROUP_ID, topics = PrivacyTopics.ERASURE_REQUESTS)
    void on(ClientErasureRequested request) {
        this.erasure.erase(request);
    }

}
