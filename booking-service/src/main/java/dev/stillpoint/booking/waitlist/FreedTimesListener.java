package dev.stillpoint.booking.waitlist;

import java.nio.charset.StandardCharsets;

import dev.stillpoint.events.CloudEventHeaders;
import dev.stillpoint.events.booking.BookingCancelled;
import dev.stillpoint.events.booking.BookingDeclined;
import dev.stillpoint.events.booking.BookingDetails;
import dev.stillpoint.events.booking.BookingEvent;
import dev.stillpoint.events.booking.BookingEventType;
import dev.stillpoint.events.booking.BookingRescheduled;
import dev.stillpoint.events.booking.BookingTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads the booking events for the waitlist: a time freed by a cancellation, a decline or a move is offered, and a
 * time a booking now holds closes the offers of it. Offering is idempotent (one offer per client and time), and
 * closing finds nothing left to close the second time, so a redelivered event changes nothing.
 */
@Component
class FreedTimesListener {

    static final String GROUP_ID = "booking-service-waitlist";

    private final WaitlistOffers offers;

    private final JsonMapper json;

    FreedTimesListener(WaitlistOffers offers, JsonMapper json) {
        this.offers = offers;
        this.json = json;
    }

    @KafkaListener(id = GROUP_ID, topics = BookingTopics.BOOKING_EVENTS)
    void on(ConsumerRecord<String, String> record) {
        Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
        BookingEventType eventType = (type != null)
                ? BookingEventType.fromCeType(new String(type.value(), StandardCharsets.UTF_8)).orElse(null) : null;
        if (eventType == null) {
            throw new IllegalArgumentException("Not a booking event: ce_type " + ((type != null)
                    ? new String(type.value(), StandardCharsets.UTF_8) : "missing"));
        }
        BookingEvent event = this.json.readValue(record.value(), eventType.javaType());
        BookingDetails booking = event.booking();
        if (event instanceof BookingCancelled || event instanceof BookingDeclined) {
            this.offers.freed(booking.startsAt());
        }
        else if (event instanceof BookingRescheduled moved) {
            this.offers.taken(booking.startsAt(), booking.endsAt());
            this.offers.freed(moved.previousStartsAt());
        }
        else {
            // confirmed, or held for review: the time is held either way
            this.offers.taken(booking.startsAt(), booking.endsAt());
        }
    }

}
