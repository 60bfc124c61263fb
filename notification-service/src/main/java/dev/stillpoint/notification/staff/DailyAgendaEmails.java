package dev.stillpoint.notification.staff;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.stillpoint.events.booking.BookingDetails;
import dev.stillpoint.mail.OutgoingEmail;
import dev.stillpoint.notification.delivery.EmailComposer;
import dev.stillpoint.notification.delivery.PendingNotification;
import dev.stillpoint.notification.mail.EmailTemplates;
import dev.stillpoint.notification.mail.SessionTimes;
import dev.stillpoint.support.practice.PracticeProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/** Writes the day's agenda as the sessions stand when it is sent: a session cancelled since 07:00 is not on it. */
@Component
class DailyAgendaEmails implements EmailComposer {

    private final DailyAgenda agenda;

    private final EmailTemplates templates;

    private final PracticeProperties practice;

    private final StaffAlertProperties properties;

    private final JsonMapper json;

    DailyAgendaEmails(DailyAgenda agenda, EmailTemplates templates, PracticeProperties practice,
            StaffAlertProperties properties, JsonMapper json) {
        this.agenda = agenda;
        this.templates = templates;
        this.practice = practice;
        this.properties = properties;
        this.json = json;
    }

    @Override
    public boolean composes(String kind) {
        return DailyAgenda.KIND.equals(kind);
    }

    @Override
    public OutgoingEmail compose(PendingNotification notification) {
        LocalDate day = this.json.readValue(notification.event(), DailyAgenda.Day.class).day();
        List<Map<String, Object>> sessions = this.agenda.sessions(day).stream().map(this::session).toList();
        String date = SessionTimes.date(day);
        Map<String, Object> model = new HashMap<>();
        model.put("date", date);
        model.put("sessions", sessions);
        model.put("scheduleUrl", this.properties.page("schedule"));
        model.put("practice", this.practice);
        EmailTemplates.Rendered rendered = this.templates.render("staff-daily-agenda", model);
        String subject = "Today, " + date + ": " + sessions.size() + ((sessions.size() == 1) ? " session" : " sessions");
        return new OutgoingEmail(notification.messageId(), notification.recipient(), this.practice.name(), subject,
                rendered.text(), rendered.html(), List.of());
    }

    private Map<String, Object> session(BookingDetails booking) {
        SessionTimes when = SessionTimes.of(booking.startsAt(), booking.endsAt(), this.practice.timeZone());
        Map<String, Object> session = new HashMap<>();
        session.put("time", when.time());
        session.put("clientName", booking.client().name());
        session.put("clientEmail", booking.client().email());
        session.put("minutes", booking.bookedMinutes());
        session.put("seriesPlace", (booking.series() != null)
                ? booking.series().occurrence() + " of " + booking.series().occurrences() : null);
        return session;
    }

}
