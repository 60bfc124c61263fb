package dev.stillpoint.notification.booking;

import dev.stillpoint.events.booking.BookingEvent;
import dev.stillpoint.events.booking.BookingTopics;
import org.slf4j.MDC;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
public class BookingEventsListener {

    /** The consumer group (and listener id) that turns booking events into emails. */
    public static final String GROUP_ID = "notification-service";

    private final BookingNotifications notifications;

    BookingEventsListener(BookingNotifications notifications) {
        this.notifications = notifications;
    }

    /**
     * One consumer per partition of {@code booking.events} (a booking's events share a partition, so they stay in
     * order): a single consumer for all three spent its time waiting on database round trips, at about 45 events/s.
     */
    @KafkaListener(id = GROUP_ID, topics = BookingTopics.BOOKING_EVENTS,
            concurrency = "${stillpoint.booking-events.consumers:" + BookingTopics.BOOKING_EVENTS_PARTITIONS + "}")
    void on(BookingEvent event) {
        try (MDC.MDCCloseable bookingId = MDC.putCloseable("bookingId", String.valueOf(event.bookingId()));
                MDC.MDCCloseable eventId = MDC.putCloseable("eventId", String.valueOf(event.eventId()))) {
            this.notifications.handle(event);
        }
    }

}
