package dev.stillpoint.notification.booking;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.stillpoint.events.booking.BookingConfirmed;
import dev.stillpoint.events.booking.BookingDetails;
import dev.stillpoint.events.booking.BookingEvent;
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

/**
 * The emails about a weekly series as a whole: every session with its date, time (in the client's zone) and manage
 * link, and, for the sessions confirmed, one calendar file holding each as its own event (its own UID and SEQUENCE),
 * so that a later move or cancellation of one session updates just that one.
 */
@Component
class SeriesEmails implements EmailComposer {

    private final EmailTemplates templates;

    private final PracticeProperties practice;

    private final Invites invites;

    private final JsonMapper json;

    SeriesEmails(EmailTemplates templates, PracticeProperties practice, Invites invites, JsonMapper json) {
        this.templates = templates;
        this.practice = practice;
        this.invites = invites;
        this.json = json;
    }

    @Override
    public boolean composes(String kind) {
        return SeriesNotice.isKind(kind);
    }

    @Override
    public OutgoingEmail compose(PendingNotification notification) {
        SeriesNotice notice = SeriesNotice.valueOf(notification.kind());
        List<BookingEvent> sessions = this.json.readValue(notification.event(), SeriesNotices.Sessions.class)
            .read(this.json);
        BookingDetails first = sessions.get(0).booking();
        ZoneId zone = ZoneId.of(first.client().timeZone());
        List<BookingEvent> confirmed = sessions.stream().filter(BookingConfirmed.class::isInstance).toList();
        Map<String, Object> model = SessionEmailModel.of(first, this.practice);
        model.put("sessions", sessions.stream().map((session) -> session(session.booking(), zone)).toList());
        model.put("seriesLength", sessions.size());
        model.put("confirmedCount", confirmed.size());
        model.put("showStatus", notice == SeriesNotice.SERIES_DECIDED);
        EmailTemplates.Rendered rendered = this.templates.render(notice.template(), model);
        List<OutgoingEmail.Attachment> calendar = confirmed.isEmpty() ? List.of()
                : List.of(CalendarInvite.attachment(confirmed.stream().map(this.invites::of).toList()));
        return new OutgoingEmail(notification.messageId(), first.client().email(), first.client().name(),
                subject(notice, sessions.size(), confirmed.size(), ((SessionTimes) model.get("when")).date()),
                rendered.text(), rendered.html(), calendar);
    }

    private static String subject(SeriesNotice notice, int sessions, int confirmed, String from) {
        String series = "weekly series of " + sessions + " CranioSacral sessions from " + from;
        if (notice == SeriesNotice.SERIES_HELD) {
            return "We have your request for a " + series;
        }
        if (confirmed == sessions) {
            return "Confirmed: your " + series;
        }
        return (confirmed == 0) ? "About your request for a " + series
                : "About your " + series + ": " + confirmed + " confirmed";
    }

    private static Map<String, Object> session(BookingDetails booking, ZoneId zone) {
        SessionTimes when = SessionTimes.of(booking.startsAt(), booking.endsAt(), zone);
        Map<String, Object> session = new HashMap<>();
        session.put("occurrence", booking.series().occurrence());
        session.put("date", when.date());
        session.put("time", when.time());
        session.put("zone", when.zone());
        session.put("manageUrl", booking.manageUrl());
        session.put("status", booking.status().toLowerCase().replace('_', ' '));
        session.put("confirmed", "CONFIRMED".equals(booking.status()));
        return session;
    }

}
