package dev.stillpoint.notification.booking;

import java.sql.Timestamp;
import java.time.Clock;

import dev.stillpoint.events.booking.BookingCancelled;
import dev.stillpoint.events.booking.BookingConfirmed;
import dev.stillpoint.events.booking.BookingDetails;
import dev.stillpoint.events.booking.BookingDeclined;
import dev.stillpoint.events.booking.BookingEvent;
import dev.stillpoint.events.booking.BookingEventType;
import dev.stillpoint.events.booking.BookingRescheduled;
import dev.stillpoint.notification.delivery.DeliveryQueue;
import dev.stillpoint.notification.delivery.NewNotification;
import dev.stillpoint.notification.reminder.ReminderScheduling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides which emails a booking event causes and queues or schedules them, in one transaction with the record that
 * the event was handled: a redelivered or duplicated event queues nothing twice, and an event older than one already
 * applied (a lower booking version) changes nothing.
 */
@Service
class BookingNotifications {

    private static final String CONFIRMED = "CONFIRMED";

    private static final Logger logger = LoggerFactory.getLogger(BookingNotifications.class);

    private final JdbcClient jdbc;

    private final DeliveryQueue queue;

    private final JsonMapper json;

    private final BookingStates states;

    private final ReminderScheduling reminders;

    private final Clock clock;

    BookingNotifications(JdbcClient jdbc, DeliveryQueue queue, BookingStates states, ReminderScheduling reminders,
            JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.queue = queue;
        this.states = states;
        this.reminders = reminders;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public void handle(BookingEvent event) {
        BookingEventRules.validate(event);
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
        if (!this.states.advance(event, this.clock.instant())) {
            logger.info("Event {} for booking {} is at version {}, not newer than what was applied; ignoring it",
                    event.eventId(), event.bookingId(), event.bookingVersion());
            return;
        }
        BookingDetails booking = event.booking();
        this.queue.enqueue(new NewNotification(event.bookingId(), event.bookingVersion(),
                NotificationKind.of(event).name(), booking.client().email(), booking.client().timeZone(), eventType,
                this.json.writeValueAsString(event), this.clock.instant()));
        followWithReminders(event);
    }

    /** The chain of care follows the booking: planned when confirmed, moved when rescheduled, emptied when cancelled or declined. */
    private void followWithReminders(BookingEvent event) {
        if (event instanceof BookingConfirmed) {
            this.reminders.plan(event);
        }
        else if (event instanceof BookingRescheduled) {
            this.reminders.cancel(event.bookingId(),
                    "the session was moved; see the steps planned for version " + event.bookingVersion());
            if (CONFIRMED.equals(event.booking().status())) {
                this.reminders.plan(event);
            }
        }
        else if (event instanceof BookingCancelled) {
            this.reminders.cancel(event.bookingId(), "the session was cancelled");
        }
        else if (event instanceof BookingDeclined) {
            this.reminders.cancel(event.bookingId(), "the practitioner declined the booking");
        }
    }

}
