package dev.stillpoint.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import dev.stillpoint.events.CloudEventHeaders;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * An event waiting in the outbox, and the record it becomes: its JSON as the value, its key, and the CloudEvents
 * binary-mode headers ({@code ce_specversion}, {@code ce_id}, {@code ce_type}, {@code ce_source}, {@code ce_time},
 * {@code ce_subject}, {@code content-type}).
 */
record PendingEvent(long position, UUID eventId, String topic, String key, String type, String source,
        String payload, Instant occurredAt, String traceParent) {

    ProducerRecord<String, String> toRecord() {
        ProducerRecord<String, String> record = new ProducerRecord<>(this.topic, this.key, this.payload);
        Headers headers = record.headers();
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(headers, CloudEventHeaders.ID, this.eventId.toString());
        header(headers, CloudEventHeaders.TYPE, this.type);
        header(headers, CloudEventHeaders.SOURCE, this.source);
        header(headers, CloudEventHeaders.TIME, this.occurredAt.toString());
        header(headers, CloudEventHeaders.SUBJECT, this.key);
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return record;
    }

    private static void header(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

}
