package dev.stillpoint.notification.staff;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.stillpoint.events.booking.BookingDetails;
import dev.stillpoint.events.booking.BookingEvent;
import dev.stillpoint.events.booking.BookingRescheduled;
import dev.stillpoint.mail.OutgoingEmail;
import dev.stillpoint.notification.delivery.EmailComposer;
import dev.stillpoint.notification.delivery.PendingNotification;
import dev.stillpoint.notification.mail.EmailTemplates;
import dev.stillpoint.notification.mail.SessionTimes;
import dev.stillpoint.support.practice.PracticeProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Writes the practice's alerts: who, which session (in the practice's time) and where to act. Never the answers to
 * the health questions: those stay behind the staff sign-in, on the review page the alert links to.
 */
@Component
class StaffAlertEmails implements EmailComposer {

    private final EmailTemplates templates;

    private final PracticeProperties practice;

    private final StaffAlertProperties properties;

    private final JsonMapper json;

    StaffAlertEmails(EmailTemplates templates, PracticeProperties practice, StaffAlertProperties properties,
            JsonMapper json) {
        this.templates = templates;
        this.practice = practice;
        this.properties = properties;
        this.json = json;
    }

    @Override
    public boolean composes(String kind) {
        return StaffAlertKind.isKind(kind);
    }

    @Override
    public OutgoingEmail compose(PendingNotification notification) {
        StaffAlertKind kind = StaffAlertKind.valueOf(notification.kind());
        BookingEvent event = notification.readEvent(this.json);
        BookingDetails booking = event.booking();
        SessionTimes when = StaffSessionModel.times(booking, this.practice.timeZone());
        Map<String, Object> model = StaffSessionModel.of(booking, when);
        model.put("previous", (event instanceof BookingRescheduled moved) ? previous(moved, booking) : null);
        model.put("reviewUrl", this.properties.page("review"));
        model.put("scheduleUrl", this.properties.page("schedule"));
        model.put("practice", this.practice);
        EmailTemplates.Rendered rendered = this.templates.render(kind.template(), model);
        return new OutgoingEmail(notification.messageId(), notification.recipient(), this.practice.name(),
                subject(kind, booking, when), rendered.text(), rendered.html(), List.of());
    }

    private SessionTimes previous(BookingRescheduled moved, BookingDetails booking) {
        Instant previousEnd = moved.previousStartsAt().plusSeconds(booking.bookedMinutes() * 60L);
        return SessionTimes.of(moved.previousStartsAt(), previousEnd, this.practice.timeZone());
    }

    private static String subject(StaffAlertKind kind, BookingDetails booking, SessionTimes when) {
        String session = booking.client().name() + ", " + when.date() + " at " + when.time().substring(0, 5);
        return switch (kind) {
            case STAFF_BOOKING_HELD -> "To review: a booking request from " + session;
            case STAFF_BOOKING_CANCELLED -> "Cancelled by the client: " + session;
            case STAFF_BOOKING_RESCHEDULED -> "Moved by the client: " + session;
        };
    }

}
