package dev.stillpoint.notification.ops;

import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

import dev.stillpoint.events.DeadLetterTopics;
import dev.stillpoint.events.booking.BookingEvent;
import dev.stillpoint.events.booking.BookingEventType;
import dev.stillpoint.events.booking.BookingTopics;
import dev.stillpoint.notification.booking.BookingEventRules;
import dev.stillpoint.notification.booking.InvalidEventException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

/**
 * What a dead letter must be before it is replayed: a record of a dead-letter topic, going back to the source its
 * headers record (and no other), with a body the consumer would take. A corrected body may fix what made the record
 * fail, never what identifies the event: its ids, its version and its time stay as they were, so a replay cannot
 * forge an event or push a booking's version past the real one.
 */
@Component
class ReplayCheck {

    private final JsonMapper json;

    ReplayCheck(JsonMapper json) {
        this.json = json;
    }

    /** Where the dead letter may go: the source topic recorded when it was dead-lettered. */
    String source(DeadLetter deadLetter) {
        String topic = deadLetter.record().topic();
        String recorded = deadLetter.record().headers().get(KafkaHeaders.DLT_ORIGINAL_TOPIC);
        String expected = DeadLetterTopics.sourceOf(topic);
        if (recorded == null || !recorded.equals(expected)) {
            throw new ReplayRefused("This record does not say it came from " + expected + " (its "
                    + KafkaHeaders.DLT_ORIGINAL_TOPIC + " header is " + ((recorded == null) ? "missing" : recorded)
                    + "), so it is not replayed.");
        }
        return recorded;
    }

    /** Refuses a body the consumer would not take, or a correction that changes what identifies the event. */
    void check(DeadLetter deadLetter, byte[] original, byte[] body) {
        JsonNode replayed = parse(body);
        JsonNode before = parseOrNull(original);
        if (before != null && before != replayed) {
            for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) () -> fields(before)) {
                if (identifies(field.getKey()) && !Objects.equals(field.getValue(), replayed.get(field.getKey()))) {
                    throw new ReplayRefused("The corrected body changes " + field.getKey() + ", which identifies the "
                            + "event; only what made it fail may be corrected.");
                }
            }
        }
        if (BookingTopics.BOOKING_EVENTS.equals(source(deadLetter))) {
            checkBookingEvent(deadLetter, body);
        }
    }

    private void checkBookingEvent(DeadLetter deadLetter, byte[] body) {
        String ceType = deadLetter.record().ceType();
        BookingEventType type = BookingEventType.fromCeType(ceType)
            .orElseThrow(() -> new ReplayRefused("The record's type '" + ceType + "' is not a booking event."));
        BookingEvent event;
        try {
            event = this.json.readValue(body, type.javaType());
        }
        catch (JacksonException ex) {
            throw new ReplayRefused("The body is not a " + type.javaType().getSimpleName() + ": "
                    + ex.getOriginalMessage());
        }
        try {
            BookingEventRules.validate(event);
        }
        catch (InvalidEventException ex) {
            throw new ReplayRefused(ex.getMessage() + "; it would fail again.");
        }
        if (!event.bookingId().toString().equals(deadLetter.record().key())) {
            throw new ReplayRefused("The body's bookingId is not the record's key " + deadLetter.record().key() + ".");
        }
    }

    /** Ids, versions and times identify an event; everything else may be corrected. */
    private static boolean identifies(String field) {
        return field.endsWith("Id") || field.endsWith("Version") || field.equals("version") || field.equals("occurredAt");
    }

    private static Iterator<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        return node.properties().iterator();
    }

    private JsonNode parse(byte[] body) {
        JsonNode node = parseOrNull(body);
        if (node == null || !node.isObject()) {
            throw new ReplayRefused("The body is not a JSON object.");
        }
        return node;
    }

    private JsonNode parseOrNull(byte[] body) {
        try {
            JsonNode node = this.json.readTree(body);
            return (node != null && node.isObject()) ? node : null;
        }
        catch (JacksonException ex) {
            return null;
        }
    }

    /** The replay would forge or fail: nothing is sent and nothing recorded. */
    static class ReplayRefused extends RuntimeException {

        ReplayRefused(String message) {
            super(message);
        }

    }

}
