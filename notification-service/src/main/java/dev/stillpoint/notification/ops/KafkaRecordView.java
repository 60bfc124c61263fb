package dev.stillpoint.notification.ops;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.stillpoint.events.CloudEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.support.KafkaHeaders;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One record, decoded for people: key, headers as text (Spring Kafka's binary dead-letter headers as numbers) and the
 * body as indented JSON when it is JSON.
 *
 * @param topic where it is
 * @param partition its partition
 * @param offset its offset
 * @param timestamp when the broker or producer stamped it
 * @param key the record key (the booking id on booking topics)
 * @param headers every header, decoded, in order
 * @param body the value as bytes, exactly as stored
 */
public record KafkaRecordView(String topic, int partition, long offset, Instant timestamp, String key,
        Map<String, String> headers, byte[] body) {

    private static final JsonMapper INDENTING = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private static final Set<String> INT_HEADERS = Set.of(KafkaHeaders.DLT_ORIGINAL_PARTITION);

    private static final Set<String> LONG_HEADERS = Set.of(KafkaHeaders.DLT_ORIGINAL_OFFSET,
            KafkaHeaders.DLT_ORIGINAL_TIMESTAMP);

    static KafkaRecordView of(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), decode(header));
        }
        return new KafkaRecordView(record.topic(), record.partition(), record.offset(),
                Instant.ofEpochMilli(record.timestamp()), record.key(), headers,
                (record.value() != null) ? record.value() : new byte[0]);
    }

    private static String decode(Header header) {
        byte[] value = header.value();
        if (value == null) {
            return "";
        }
        if (INT_HEADERS.contains(header.key()) && value.length == Integer.BYTES) {
            return String.valueOf(ByteBuffer.wrap(value).getInt());
        }
        if (LONG_HEADERS.contains(header.key()) && value.length == Long.BYTES) {
            return String.valueOf(ByteBuffer.wrap(value).getLong());
        }
        return new String(value, StandardCharsets.UTF_8);
    }

    /** "topic/partition/offset": how the console names a record. */
    public String id() {
        return this.topic + "/" + this.partition + "/" + this.offset;
    }

    public String ceType() {
        return this.headers.get(CloudEventHeaders.TYPE);
    }

    public String ceId() {
        return this.headers.get(CloudEventHeaders.ID);
    }

    public String text() {
        return new String(this.body, StandardCharsets.UTF_8);
    }

    /** The body indented when it is JSON, as it is otherwise. */
    public String prettyBody() {
        try {
            return INDENTING.writeValueAsString(INDENTING.readTree(this.body));
        }
        catch (JacksonException ex) {
            return text();
        }
    }

    /** Whether the record is about {@code bookingId}: its key, CloudEvents subject or body names it. */
    public boolean mentions(String bookingId) {
        return bookingId.equals(this.key) || bookingId.equals(this.headers.get(CloudEventHeaders.SUBJECT))
                || text().contains(bookingId);
    }

}
