package dev.stillpoint.notification.booking;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.stillpoint.events.booking.BookingEvent;
import dev.stillpoint.events.booking.BookingTopics;
import dev.stillpoint.support.TraceParents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Reads {@code booking.events} a poll at a time and hands the events to {@link BookingNotifications} as one batch.
 * A record that cannot be read or acted on is handed to the error handler by its position
 * ({@link BatchListenerFailedException}): the records before it are committed, it is dead-lettered with the reason,
 * and the consumer goes on after it. If a batch fails as a whole, its events are handled one at a time, so that the
 * failure is pinned on the one that caused it (or, when the database is away, waited out from the first).
 */
@Component
public class BookingEventsListener {

    /** The consumer group (and listener id) that turns booking events into emails. */
    public static final String GROUP_ID = "notification-service";

    /** A booking event is about 1 KB; one of this size is not one, whatever it says, and would make a giant email. */
    static final int MAX_EVENT_BYTES = 64 * 1024;

    private static final LogAccessor logger = new LogAccessor(BookingEventsListener.class);

    private final BookingNotifications notifications;

    BookingEventsListener(BookingNotifications notifications) {
        this.notifications = notifications;
    }

    /** One consumer per partition of {@code booking.events}: a booking's events share a partition, so stay in order. */
    @KafkaListener(id = GROUP_ID, topics = BookingTopics.BOOKING_EVENTS, batch = "true",
            concurrency = "${stillpoint.booking-events.consumers:" + BookingTopics.BOOKING_EVENTS_PARTITIONS + "}")
    void on(List<ConsumerRecord<String, BookingEvent>> records) {
        List<ReceivedEvent> usable = new ArrayList<>(records.size());
        for (ConsumerRecord<String, BookingEvent> record : records) {
            RuntimeException unusable = unusable(record);
            if (unusable != null) {
                handle(records, usable);
                throw new BatchListenerFailedException(unusable.getMessage(), unusable, record);
            }
            usable.add(new ReceivedEvent(record.value(), traceParent(record)));
        }
        handle(records, usable);
    }

    private void handle(List<ConsumerRecord<String, BookingEvent>> records, List<ReceivedEvent> usable) {
        if (usable.isEmpty()) {
            return;
        }
        try {
            this.notifications.handle(usable);
        }
        catch (RuntimeException batchFailed) {
            for (int i = 0; i < usable.size(); i++) {
                try {
                    this.notifications.handle(List.of(usable.get(i)));
                }
                catch (RuntimeException ex) {
                    throw new BatchListenerFailedException("Could not handle booking event "
                            + usable.get(i).event().eventId(), ex, records.get(i));
                }
            }
        }
    }

    /**
     * Why the record cannot be acted on (it could not be read, is not keyed by its booking, or lacks what an email
     * needs), or null.
     */
    private static RuntimeException unusable(ConsumerRecord<String, BookingEvent> record) {
        if (record.serializedValueSize() > MAX_EVENT_BYTES) {
            return new InvalidEventException("The record is " + record.serializedValueSize() + " bytes, more than a "
                    + "booking event can be (" + MAX_EVENT_BYTES + ")");
        }
        if (record.value() == null) {
            DeserializationException unreadable = SerializationUtils.getExceptionFromHeader(record,
                    SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, logger);
            return (unreadable != null) ? unreadable : new InvalidEventException("The record has no event");
        }
        if (!record.value().bookingId().toString().equals(record.key())) {
            // keyed otherwise, it went to another partition than its booking's other events, and may overtake them
            return new InvalidEventException("The record's key (" + record.key() + ") is not its booking id");
        }
        try {
            BookingEventRules.validate(record.value());
            return null;
        }
        catch (InvalidEventException ex) {
            return ex;
        }
    }

    private static String traceParent(ConsumerRecord<String, BookingEvent> record) {
        Header header = record.headers().lastHeader(TraceParents.TRACEPARENT);
        return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
    }

}
