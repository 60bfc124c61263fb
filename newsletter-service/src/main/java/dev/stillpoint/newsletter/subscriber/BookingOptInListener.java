package dev.stillpoint.newsletter.subscriber;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import dev.stillpoint.events.CloudEventHeaders;
import dev.stillpoint.events.booking.BookingDetails;
import dev.stillpoint.events.booking.BookingEvent;
import dev.stillpoint.events.booking.BookingEventType;
import dev.stillpoint.events.booking.BookingTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A client who ticks "join the newsletter" when booking gets the same double opt-in as the form: a confirmation link,
 * and nothing else until they open it. Only new and confirmed bookings count; a series asks once.
 */
@Component
class BookingOptInListener {

    static final String GROUP_ID = "newsletter-service";

    private final SubscriberManagement subscribers;

    private final JsonMapper json;

    BookingOptInListener(SubscriberManagement subscribers, JsonMapper json) {
        this.subscribers = subscribers;
        this.json = json;
    }

    @KafkaListener(id = GROUP_ID, topics = BookingTopics.BOOKING_EVENTS)
    void on(ConsumerRecord<String, String> record) {
        Optional<BookingEventType> type = Optional.ofNullable(record.headers().lastHeader(CloudEventHeaders.TYPE))
            .map(Header::value).map((value) -> new String(value, StandardCharsets.UTF_8))
            .flatMap(BookingEventType::fromCeType)
            .filter((known) -> known == BookingEventType.CONFIRMED || known == BookingEventType.HELD_FOR_REVIEW);
        if (type.isEmpty()) {
            return;
        }
        BookingEvent event = this.json.readValue(record.value(), type.get().javaType());
        BookingDetails booking = event.booking();
        if (booking != null && booking.newsletterOptIn() && booking.client() != null
                && booking.client().email() != null) {
            this.subscribers.subscribe(booking.client().email(), booking.client().name(), Subscriber.Source.BOOKING);
        }
    }

}
