package dev.stillpoint.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An outbox event leaves as a CloudEvent in binary mode: the JSON as it was written, and the seven headers. */
class PendingEventTests {

    @Test
    void becomesARecordWithItsKeyItsJsonAndTheCloudEventsHeaders() {
        UUID eventId = UUID.fromString("0b8f7a52-6c1e-4d0e-9a57-2f1f3b1c9d11");
        PendingEvent event = new PendingEvent(7, eventId, "booking.events", "booking-1",
                "dev.stillpoint.booking.confirmed.v1", "/stillpoint/booking-service", "{\"bookingId\":\"booking-1\"}",
                Instant.parse("2026-11-30T10:15:30Z"), null);
        ProducerRecord<String, String> record = event.toRecord();
        assertThat(record.topic()).isEqualTo("booking.events");
        assertThat(record.key()).isEqualTo("booking-1");
        assertThat(record.value()).isEqualTo("{\"bookingId\":\"booking-1\"}");
        assertThat(record.headers().toArray()).extracting((header) -> header.key() + "="
                + new String(header.value(), StandardCharsets.UTF_8))
            .containsExactly("ce_specversion=1.0", "ce_id=" + eventId, "ce_type=dev.stillpoint.booking.confirmed.v1",
                    "ce_source=/stillpoint/booking-service", "ce_time=2026-11-30T10:15:30Z", "ce_subject=booking-1",
                    "content-type=application/json");
    }

}
