package dev.stillpoint.notification.bounce;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.stillpoint.events.booking.BookingDetails;
import dev.stillpoint.mail.OutgoingEmail;
import dev.stillpoint.notification.delivery.EmailComposer;
import dev.stillpoint.notification.delivery.NewNotification;
import dev.stillpoint.notification.delivery.NotificationInserts;
import dev.stillpoint.notification.delivery.PendingNotification;
import dev.stillpoint.notification.delivery.QueuedNotification;
import dev.stillpoint.notification.mail.EmailTemplates;
import dev.stillpoint.notification.mail.SessionTimes;
import dev.stillpoint.notification.staff.StaffAlerts;
import dev.stillpoint.notification.staff.StaffSessionModel;
import dev.stillpoint.support.practice.PracticeProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the practice that an email to a client about a booking cannot be delivered (a hard bounce, or soft ones up to
 * the limit): who, which session, what the receiving server said, so that they can call. Once per booking version,
 * through the same queue as every email.
 */
@Component
class BounceAlerts implements EmailComposer {

    static final String KIND = "STAFF_EMAIL_BOUNCED";

    private final NotificationInserts inserts;

    private final StaffAlerts staff;

    private final EmailTemplates templates;

    private final PracticeProperties practice;

    private final JsonMapper json;

    private final JdbcClient jdbc;

    BounceAlerts(NotificationInserts inserts, StaffAlerts staff, EmailTemplates templates, PracticeProperties practice,
            JsonMapper json, JdbcClient jdbc) {
        this.inserts = inserts;
        this.staff = staff;
        this.templates = templates;
        this.practice = practice;
        this.json = json;
        this.jdbc = jdbc;
    }

    /** Queues the alert, in the caller's transaction, from the bounced email's copy of its booking event. */
    void queue(UUID bookingId, long bookingVersion, String eventType, String event, Instant now) {
        this.inserts.addAll(List.of(QueuedNotification.pending(new NewNotification(bookingId, bookingVersion, KIND,
                this.staff.recipients(), this.staff.timeZone(), eventType, event, now), null)));
    }

    @Override
    public boolean composes(String kind) {
        return KIND.equals(kind);
    }

    @Override
    public OutgoingEmail compose(PendingNotification notification) {
        BookingDetails booking = notification.readEvent(this.json).booking();
        SessionTimes when = StaffSessionModel.times(booking, this.practice.timeZone());
        Map<String, Object> model = StaffSessionModel.of(booking, when);
        model.put("bounce", latestBounce(notification.bookingId()));
        model.put("practice", this.practice);
        EmailTemplates.Rendered rendered = this.templates.render("staff-email-bounced", model);
        String subject = "An email to " + booking.client().name() + " bounced: please call (" + when.date() + " at "
                + when.time().substring(0, 5) + ")";
        return new OutgoingEmail(notification.messageId(), notification.recipient(), this.practice.name(), subject,
                rendered.text(), rendered.html(), List.of());
    }

    /** What the receiving server said about the booking's latest bounce. */
    private String latestBounce(UUID bookingId) {
        return this.jdbc.sql("""
                select coalesce(status || ' ', '') || coalesce(diagnostic, '') from bounce
                where booking_id = ? and kind in ('HARD', 'SOFT') order by recorded_at desc limit 1""")
            .param(bookingId).query(String.class).optional().orElse("(no reason given)");
    }

}
