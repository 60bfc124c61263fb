package dev.stillpoint.notification.reminder;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.stillpoint.events.booking.BookingDetails;
import dev.stillpoint.mail.OutgoingEmail;
import dev.stillpoint.notification.delivery.EmailComposer;
import dev.stillpoint.notification.delivery.PendingNotification;
import dev.stillpoint.notification.mail.EmailTemplates;
import dev.stillpoint.notification.mail.SessionEmailModel;
import dev.stillpoint.notification.mail.SessionTimes;
import dev.stillpoint.support.practice.PracticeProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Writes the emails of a session's chain of care, from the event that planned them. */
@Component
class ReminderEmails implements EmailComposer {

    private final EmailTemplates templates;

    private final PracticeProperties practice;

    private final JsonMapper json;

    private final JdbcClient jdbc;

    ReminderEmails(EmailTemplates templates, PracticeProperties practice, JsonMapper json, JdbcClient jdbc) {
        this.templates = templates;
        this.practice = practice;
        this.json = json;
        this.jdbc = jdbc;
    }

    @Override
    public boolean composes(String kind) {
        return ReminderKind.NAMES.contains(kind);
    }

    @Override
    public OutgoingEmail compose(PendingNotification notification) {
        BookingDetails booking = notification.readEvent(this.json).booking();
        ReminderKind kind = ReminderKind.valueOf(notification.kind());
        Map<String, Object> model = SessionEmailModel.of(booking, this.practice);
        SessionTimes when = (SessionTimes) model.get("when");
        if (kind == ReminderKind.INTEGRATION_CHECK_IN) {
            model.put("nextSession", nextInSeries(booking).orElse(null));
        }
        EmailTemplates.Rendered rendered = this.templates.render(kind.template(), model);
        return new OutgoingEmail(notification.messageId(), booking.client().email(), booking.client().name(),
                subject(kind, when), rendered.text(), rendered.html(), List.of());
    }

    private static String subject(ReminderKind kind, SessionTimes when) {
        String day = when.date() + " at " + when.time().substring(0, 5);
        return switch (kind) {
            case HYDRATION_REMINDER -> "Your CranioSacral session on " + day + ": drink plenty of water";
            case MORNING_OF -> "Today at " + when.time().substring(0, 5) + ": your CranioSacral session";
            case AFTERCARE -> "After your session: be gentle with yourself";
            case INTEGRATION_CHECK_IN -> "How are you, a few days on?";
        };
    }

    /** The next confirmed session of the same weekly series, as the latest events describe it. */
    private Optional<SessionTimes> nextInSeries(BookingDetails booking) {
        if (booking.series() == null) {
            return Optional.empty();
        }
        ZoneId zone = ZoneId.of(booking.client().timeZone());
        long minutes = booking.bookedMinutes();
        return this.jdbc.sql("select starts_at from booking_state where series_id = ? and status = 'CONFIRMED' "
                + "and starts_at > ? order by starts_at limit 1")
            .params(booking.series().id(), Timestamp.from(booking.startsAt()))
            .query(Timestamp.class)
            .optional()
            .map(Timestamp::toInstant)
            .map((start) -> SessionTimes.of(start, start.plusSeconds(minutes * 60), zone));
    }

}
