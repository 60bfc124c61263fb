package dev.stillpoint.notification.booking;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;

import dev.stillpoint.events.booking.BookingDetails;
import dev.stillpoint.events.booking.BookingEvent;
import dev.stillpoint.events.booking.BookingEventType;
import dev.stillpoint.notification.delivery.DeliveryQueue;
import dev.stillpoint.notification.delivery.NewNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides which emails a booking event causes and queues them, in one transaction with the record that the event
 * was handled: a redelivered or duplicated event queues nothing twice.
 */
@Service
class BookingNotifications {

    private static final Logger logger = LoggerFactory.getLogger(BookingNotifications.class);

    private final JdbcClient jdbc;

    private final DeliveryQueue queue;

    private final JsonMapper json;

    private final Clock clock;

    BookingNotifications(JdbcClient jdbc, DeliveryQueue queue, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.queue = queue;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public void handle(BookingEvent event) {
        validate(event);
        String eventType = BookingEventType.of(event).ceType();
        boolean firstTime = this.jdbc.sql("insert into processed_event (event_id, booking_id, booking_version, "
                + "event_type, processed_at) values (?, ?, ?, ?, ?) on conflict do nothing")
            .params(event.eventId(), event.bookingId(), event.bookingVersion(), eventType,
                    Timestamp.from(this.clock.instant()))
            .update() == 1;
        if (!firstTime) {
            logger.info("Event {} for booking {} was handled before; ignoring it", event.eventId(), event.bookingId());
            return;
        }
        NotificationKind kind = NotificationKind.of(event);
        this.queue.enqueue(new NewNotification(event.bookingId(), event.bookingVersion(), kind.name(),
                event.booking().client().email(), eventType, this.json.writeValueAsString(event), this.clock.instant()));
    }

    private static void validate(BookingEvent event) {
        BookingDetails booking = event.booking();
        if (event.eventId() == null || event.bookingId() == null || booking == null || booking.client() == null
                || booking.startsAt() == null || booking.endsAt() == null) {
            throw new InvalidEventException("Event lacks an id, a booking id, a client or the session times");
        }
        String email = booking.client().email();
        if (email == null || !email.matches("[^@\\s]+@[^@\\s]+")) {
            throw new InvalidEventException("Event has no valid client email address");
        }
        String zone = booking.client().timeZone();
        if (zone == null || !ZoneId.getAvailableZoneIds().contains(zone)) {
            throw new InvalidEventException("Event has an unknown client time zone '" + zone + "'");
        }
    }

}
