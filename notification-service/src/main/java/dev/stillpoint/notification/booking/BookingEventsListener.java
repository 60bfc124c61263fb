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

    @KafkaListener(id = GROUP_ID, topics = BookingTopics.BOOKING_EVENTS)
    void on(BookingEvent event) {
        try (MDC.MDCCloseable bookingId = MDC.putCloseable("bookingId", String.valueOf(event.bookingId()));
                MDC.MDCCloseable eventId = MDC.putCloseable("eventId", String.valueOf(event.eventId()))) {
            this.notifications.handle(event);
        }
    }

}
