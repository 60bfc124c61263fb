package dev.stillpoint.notification.booking;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.stillpoint.events.booking.BookingCancelled;
import dev.stillpoint.events.booking.BookingConfirmed;
import dev.stillpoint.events.booking.BookingDeclined;
import dev.stillpoint.events.booking.BookingDetails;
import dev.stillpoint.events.booking.BookingEvent;
import dev.stillpoint.events.booking.BookingEventType;
import dev.stillpoint.events.booking.BookingRescheduled;
import dev.stillpoint.notification.delivery.NewNotification;
import dev.stillpoint.notification.delivery.NotificationInserts;
import dev.stillpoint.notification.delivery.NotificationStatus;
import dev.stillpoint.notification.delivery.QueuedNotification;
import dev.stillpoint.notification.reminder.ReminderScheduling;
import dev.stillpoint.notification.staff.StaffAlerts;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides which emails booking events cause (the client's, the practice's alert, the chain of care) and queues or
 * schedules them, in one transaction with the record that
 * the events were handled: a redelivered or duplicated event queues nothing twice, and an event older than one already
 * applied (a lower booking version) changes nothing. A batch of events is written in a few JDBC batches, not a
 * dozen statements per event: that was what limited a backlog to about 150 events/s.
 */
@Service
class BookingNotifications {

    private static final String CONFIRMED = "CONFIRMED";

    private final HandledEvents handled;

    private final BookingStates states;

    private final NotificationInserts inserts;

    private final ReminderScheduling reminders;

    private final StaffAlerts staffAlerts;

    private final SeriesNotices series;

    private final JsonMapper json;

    private final Clock clock;

    BookingNotifications(HandledEvents handled, BookingStates states, NotificationInserts inserts,
            ReminderScheduling reminders, StaffAlerts staffAlerts, SeriesNotices series, JsonMapper json,
            Clock clock) {
        this.handled = handled;
        this.states = states;
        this.inserts = inserts;
        this.reminders = reminders;
        this.staffAlerts = staffAlerts;
        this.series = series;
        this.json = json;
        this.clock = clock;
    }

    /** Handles the events in the order given, in one transaction. */
    @Transactional
    public void handle(List<ReceivedEvent> received) {
        Instant now = this.clock.instant();
        List<QueuedNotification> queued = new ArrayList<>();
        for (ReceivedEvent each : this.states.advance(this.handled.firstTimes(received, now), now)) {
            BookingEvent event = each.event();
            String eventJson = this.json.writeValueAsString(event);
            BookingDetails booking = event.booking();
            String cancelled = cancelReason(event);
            if (cancelled != null) {
                // the chain of care follows the session: what an earlier event of this batch planned is written first
                add(queued);
                this.reminders.cancel(event.bookingId(), cancelled);
            }
            NewNotification own = new NewNotification(event.bookingId(), event.bookingVersion(),
                    NotificationKind.of(event).name(), booking.client().email(), booking.client().timeZone(),
                    BookingEventType.of(event).ceType(), eventJson, now);
            SeriesNotice seriesNotice = SeriesNotice.of(event).orElse(null);
            if (seriesNotice != null) {
                queued.add(new QueuedNotification(own, NotificationStatus.SKIPPED, seriesNotice.skipReason(),
                        each.traceParent()));
                add(queued);
                this.series.queueIfComplete(seriesNotice, event, each.traceParent(), now);
            }
            else {
                queued.add(QueuedNotification.pending(own, each.traceParent()));
                if (event instanceof BookingCancelled && booking.series() != null) {
                    add(queued);
                    this.series.afterCancellation(event, each.traceParent(), now);
                }
            }
            this.staffAlerts.alertFor(event, BookingEventType.of(event).ceType(), eventJson, each.traceParent(), now)
                .ifPresent(queued::add);
            if (event instanceof BookingConfirmed
                    || (event instanceof BookingRescheduled && CONFIRMED.equals(booking.status()))) {
                queued.addAll(this.reminders.steps(event, eventJson, each.traceParent()));
            }
        }
        add(queued);
    }

    private void add(List<QueuedNotification> queued) {
        this.reminders.schedule(this.inserts.addAll(queued));
        queued.clear();
    }

    /**
     * Why the event cancels the steps not sent yet (the chain is planned anew when the session moves, emptied when it
     * is cancelled or declined), or {@code null} if it does not.
     */
    private static String cancelReason(BookingEvent event) {
        if (event instanceof BookingRescheduled) {
            return "the session was moved; see the steps planned for version " + event.bookingVersion();
        }
        if (event instanceof BookingCancelled) {
            return "the session was cancelled";
        }
        if (event instanceof BookingDeclined) {
            return "the practitioner declined the booking";
        }
        return null;
    }

}
