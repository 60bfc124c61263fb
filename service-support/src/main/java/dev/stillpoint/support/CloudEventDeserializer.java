package dev.stillpoint.support;

import java.nio.charset.StandardCharsets;

import dev.stillpoint.events.CloudEventHeaders;
import dev.stillpoint.events.catalog.EventTypes;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an event's JSON as the record its CloudEvents {@code ce_type} header names (event-contract's
 * {@link EventTypes}). A record without the header, of a type no service knows, or whose JSON does not fit fails
 * here; wrapped in Spring Kafka's {@code ErrorHandlingDeserializer}, it reaches the error handler, which dead-letters
 * it with the reason, and the consumer goes on.
 */
public class CloudEventDeserializer implements Deserializer<Object> {

    private final JsonMapper json;

    public CloudEventDeserializer(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        throw new SerializationException("The record has no " + CloudEventHeaders.TYPE + " header");
    }

    @Override
    public Object deserialize(String topic, Headers headers, byte[] data) {
        Header header = headers.lastHeader(CloudEventHeaders.TYPE);
        if (header == null) {
            return deserialize(topic, data);
        }
        String ceType = new String(header.value(), StandardCharsets.UTF_8);
        Class<?> type = EventTypes.javaType(ceType)
            .orElseThrow(() -> new SerializationException("Unknown event type '" + ceType + "'"));
        return (data != null) ? this.json.readValue(data, type) : null;
    }

}
