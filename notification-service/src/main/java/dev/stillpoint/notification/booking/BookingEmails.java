package dev.stillpoint.notification.booking;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import dev.stillpoint.events.booking.BookingConfirmed;
import dev.stillpoint.events.booking.BookingDetails;
import dev.stillpoint.events.booking.BookingEvent;
import dev.stillpoint.events.booking.BookingRescheduled;
import dev.stillpoint.mail.OutgoingEmail;
import dev.stillpoint.notification.delivery.EmailComposer;
import dev.stillpoint.notification.delivery.PendingNotification;
import dev.stillpoint.notification.mail.CalendarInvite;
import dev.stillpoint.notification.mail.EmailTemplates;
import dev.stillpoint.notification.mail.SessionEmailModel;
import dev.stillpoint.notification.mail.SessionTimes;
import dev.stillpoint.support.practice.PracticeProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/** Writes the email for a booking notification from the event that caused it. */
@Component
class BookingEmails implements EmailComposer {

    private final EmailTemplates templates;

    private final PracticeProperties practice;

    private final Invites invites;

    private final JsonMapper json;

    BookingEmails(EmailTemplates templates, PracticeProperties practice, Invites invites, JsonMapper json) {
        this.templates = templates;
        this.practice = practice;
        this.invites = invites;
        this.json = json;
    }

    @Override
    public boolean composes(String kind) {
        return NotificationKind.isKind(kind);
    }

    @Override
    public OutgoingEmail compose(PendingNotification notification) {
        BookingEvent event = notification.readEvent(this.json);
        NotificationKind kind = NotificationKind.valueOf(notification.kind());
        BookingDetails booking = event.booking();
        ZoneId zone = ZoneId.of(booking.client().timeZone());
        Map<String, Object> model = SessionEmailModel.of(booking, this.practice);
        SessionTimes when = (SessionTimes) model.get("when");
        model.put("afterReview", event instanceof BookingConfirmed confirmed && confirmed.afterReview());
        if (event instanceof BookingRescheduled rescheduled) {
            Instant previousEnd = rescheduled.previousStartsAt().plusSeconds(booking.bookedMinutes() * 60L);
            model.put("previous", SessionTimes.of(rescheduled.previousStartsAt(), previousEnd, zone));
        }
        CalendarInvite invite = kind.hasInvite() ? this.invites.of(event) : null;
        if (invite != null && !invite.cancelled()) {
            model.put("googleCalendarUrl", invite.googleCalendarUrl());
            model.put("outlookCalendarUrl", invite.outlookCalendarUrl());
        }
        EmailTemplates.Rendered rendered = this.templates.render(kind.template(), model);
        List<OutgoingEmail.Attachment> attachments = (invite != null) ? List.of(invite.toAttachment()) : List.of();
        return new OutgoingEmail(notification.messageId(), booking.client().email(), booking.client().name(),
                subject(kind, when), rendered.text(), rendered.html(), attachments);
    }

    private static String subject(NotificationKind kind, SessionTimes when) {
        String day = when.date() + " at " + when.time().substring(0, 5);
        return switch (kind) {
            case BOOKING_CONFIRMED -> "Confirmed: your CranioSacral session on " + day;
            case BOOKING_HELD -> "We have your booking request for " + day;
            case BOOKING_RESCHEDULED -> "Moved: your CranioSacral session is now on " + day;
            case BOOKING_CANCELLED -> "Cancelled: your CranioSacral session on " + day;
            case BOOKING_DECLINED -> "About your booking request for " + day;
        };
    }

}
