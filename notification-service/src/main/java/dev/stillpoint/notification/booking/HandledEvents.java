package dev.stillpoint.notification.booking;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.stillpoint.events.booking.BookingEvent;
import dev.stillpoint.events.booking.BookingEventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The events handled so far, by event id: a redelivered or duplicated event is handled once. */
@Repository
class HandledEvents {

    private static final Logger logger = LoggerFactory.getLogger(HandledEvents.class);

    private final JdbcTemplate jdbc;

    HandledEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the events as handled (one JDBC batch); returns those not handled before, in the order given. */
    List<ReceivedEvent> firstTimes(List<ReceivedEvent> received, Instant now) {
        List<Object[]> rows = new ArrayList<>(received.size());
        for (ReceivedEvent each : received) {
            BookingEvent event = each.event();
            rows.add(new Object[] { event.eventId(), event.bookingId(), event.bookingVersion(),
                    BookingEventType.of(event).ceType(), Timestamp.from(now) });
        }
        int[] counts = this.jdbc.batchUpdate("insert into processed_event (event_id, booking_id, booking_version, "
                + "event_type, processed_at) values (?, ?, ?, ?, ?) on conflict do nothing", rows);
        List<ReceivedEvent> firstTimes = new ArrayList<>(received.size());
        for (int i = 0; i < counts.length; i++) {
            BookingEvent event = received.get(i).event();
            if (counts[i] == 1) {
                firstTimes.add(received.get(i));
            }
            else {
                logger.info("Event {} for booking {} was handled before; ignoring it", event.eventId(),
                        event.bookingId());
            }
        }
        return firstTimes;
    }

}
