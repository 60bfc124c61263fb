package dev.stillpoint.notification.staff;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.stillpoint.events.booking.BookingEvent;
import dev.stillpoint.notification.delivery.NewNotification;
import dev.stillpoint.notification.delivery.QueuedNotification;
import dev.stillpoint.support.practice.PracticeProperties;

import org.springframework.stereotype.Component;

/**
 * Queues the practice's email about a booking event that needs it, beside the client's: the same queue, the same
 * idempotency (one per booking version and kind) and the same timeline.
 */
@Component
public class StaffAlerts {

    private final String recipients;

    private final String timeZone;

    StaffAlerts(StaffAlertProperties properties, PracticeProperties practice) {
        List<String> to = properties.to().isEmpty() ? List.of(practice.email()) : properties.to();
        this.recipients = String.join(", ", to);
        this.timeZone = practice.timeZone().getId();
    }

    /** Who gets the practice's emails, as one To header. */
    public String recipients() {
        return this.recipients;
    }

    /** The practice's time zone, in which its alerts show times. */
    public String timeZone() {
        return this.timeZone;
    }

    /** The alert {@code event} calls for, if any, due at once. */
    public Optional<QueuedNotification> alertFor(BookingEvent event, String eventType, String eventJson,
            String traceParent, Instant now) {
        return StaffAlertKind.of(event).map((kind) -> QueuedNotification.pending(new NewNotification(event.bookingId(),
                event.bookingVersion(), kind.name(), this.recipients, this.timeZone, eventType, eventJson, now),
                traceParent));
    }

}
