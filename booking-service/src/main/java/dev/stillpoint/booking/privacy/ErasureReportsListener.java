package dev.stillpoint.booking.privacy;

import dev.stillpoint.events.privacy.ClientErasureCompleted;
import dev.stillpoint.events.privacy.PrivacyTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Each service's report that it has erased a client, recorded beside the request (once, however often it comes). */
@Component
class ErasureReportsListener {

    static final String GROUP_ID = "booking-service-erasure-reports";

    private final ClientErasure erasure;

    private final JsonMapper json;

    ErasureReportsListener(ClientErasure erasure, JsonMapper json) {
        this.erasure = erasure;
        this.json = json;
    }

    @KafkaListener(id = GROUP_ID, topics = PrivacyTopics.ERASURE_REPORTS)
    void on(ConsumerRecord<String, String> record) {
        ClientErasureCompleted report = this.json.readValue(record.value(), ClientErasureCompleted.class);
        this.erasure.report(report.erasureId(), report.service(), report.records(), report.occurredAt());
    }

}
