package dev.stillpoint.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import dev.stillpoint.events.CloudEventHeaders;
import dev.stillpoint.events.mail.EmailBounced;
import dev.stillpoint.events.mail.MailTopics;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CloudEventDeserializerTests {

    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();

    private final CloudEventDeserializer deserializer = new CloudEventDeserializer(this.json);

    @Test
    void readsTheRecordItsTypeHeaderNames() {
        EmailBounced bounced = new EmailBounced(UUID.randomUUID(), "hash", "0123456789abcdef01234567",
                EmailBounced.Kind.HARD, "5.1.1", "smtp; 550 5.1.1 no such user", EmailBounced.Source.MAILBOX, true,
                Instant.parse("2026-11-30T10:00:00Z"));
        Object read = this.deserializer.deserialize(MailTopics.BOUNCES, headers(MailTopics.EMAIL_BOUNCED_TYPE),
                this.json.writeValueAsBytes(bounced));
        assertThat(read).isEqualTo(bounced);
    }

    @Test
    void refusesARecordWithoutATypeOrOfAnUnknownOne() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        assertThatExceptionOfType(SerializationException.class)
            .isThrownBy(() -> this.deserializer.deserialize("t", new RecordHeaders(), body))
            .withMessage("The record has no ce_type header");
        assertThatExceptionOfType(SerializationException.class)
            .isThrownBy(() -> this.deserializer.deserialize("t", headers("dev.stillpoint.booking.exploded.v7"), body))
            .withMessage("Unknown event type 'dev.stillpoint.booking.exploded.v7'");
    }

    private static RecordHeaders headers(String ceType) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.TYPE, ceType.getBytes(StandardCharsets.UTF_8));
        return headers;
    }

}
