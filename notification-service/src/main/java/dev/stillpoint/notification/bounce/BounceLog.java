package dev.stillpoint.notification.bounce;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.stillpoint.events.mail.EmailBounced;
import dev.stillpoint.events.mail.MailTopics;
import dev.stillpoint.events.privacy.PrivacyTopics;
import dev.stillpoint.notification.bounce.SentEmails.SentEmail;
import dev.stillpoint.notification.reminder.ReminderScheduling;
import dev.stillpoint.outbox.Outbox;
import dev.stillpoint.outbox.OutboxMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one bounce log, fed by the bounce mailbox and the provider webhook. Each report is recorded once; a bounce of
 * one of our emails is written on that email (the delivery log and the booking's timeline show it), an undeliverable
 * client's booking email is told to the practice (and the rest of its chain of care cancelled), and every bounce and
 * complaint is published as {@link EmailBounced} through the outbox, in the same transaction, for newsletter-service
 * to act on. An address is suppressed by a hard bounce, a complaint, or the soft bounce that makes {@code soft-limit}
 * in a row.
 */
@Service
public class BounceLog {

    private static final Logger logger = LoggerFactory.getLogger(BounceLog.class);

    private static final String SOURCE = "/stillpoint/notification-service";

    private final JdbcClient jdbc;

    private final SentEmails emails;

    private final Outbox outbox;

    private final BounceAlerts alerts;

    private final ReminderScheduling reminders;

    private final BounceProperties properties;

    private final Clock clock;

    private final MeterRegistry registry;

    BounceLog(JdbcClient jdbc, SentEmails emails, Outbox outbox, BounceAlerts alerts, ReminderScheduling reminders,
            BounceProperties properties, Clock clock, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.emails = emails;
        this.outbox = outbox;
        this.alerts = alerts;
        this.reminders = reminders;
        this.properties = properties;
        this.clock = clock;
        this.registry = registry;
    }

    /**
     * Records a report; returns whether it was new.
     * @throws UnattributableReportException when the report names neither an address nor an email of ours
     */
    @Transactional
    public boolean record(DeliveryReport report) {
        Optional<SentEmail> email = Optional.ofNullable(report.token()).flatMap(this.emails::byToken);
        // the address we sent to, where the email is ours: a forwarding mailbox reports its final one
        String emailHash = email.flatMap(SentEmail::emailHash)
            .or(() -> Optional.ofNullable(report.recipient()).map(PrivacyTopics::emailHash))
            .orElseThrow(() -> new UnattributableReportException(report.reportId()));
        // one address's reports one at a time, so that two soft bounces cannot both miss the limit
        this.jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param(emailHash).query((rs, row) -> 1).list();
        boolean suppress = switch (report.kind()) {
            case HARD, COMPLAINT -> true;
            case SOFT -> softInARow(emailHash, report.occurredAt()) + 1 >= this.properties.softLimit();
            case DELIVERED -> false;
        };
        UUID id = UUID.randomUUID();
        Instant now = this.clock.instant();
        int inserted = this.jdbc.sql("""
                insert into bounce (id, report_id, source, kind, email_hash, token, notification_id, booking_id,
                    email_kind, status, diagnostic, suppressed, occurred_at, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (report_id) do nothing""")
            .params(id, report.reportId(), report.source().name(), report.kind().name(), emailHash, report.token(),
                    email.map(SentEmail::id).orElse(null), email.map(SentEmail::bookingId).orElse(null),
                    email.map(SentEmail::kind).orElse(null), report.status(), report.diagnostic(), suppress,
                    Timestamp.from(report.occurredAt()), Timestamp.from(now))
            .update();
        if (inserted == 0) {
            return false;
        }
        Counter.builder("stillpoint.mail.reports").description("Bounces, complaints and deliveries reported")
            .tag("kind", report.kind().name()).tag("source", report.source().name()).register(this.registry)
            .increment();
        if (report.kind() == DeliveryReport.Kind.DELIVERED) {
            return true;
        }
        if (suppress) {
            this.registry.counter("stillpoint.mail.suppressions").increment();
        }
        email.ifPresent((sent) -> onEmail(sent, report, suppress, now));
        EmailBounced event = new EmailBounced(id, emailHash, report.token(), report.kind().published(),
                report.status(), report.diagnostic(), report.source(), suppress, report.occurredAt());
        this.outbox.append(new OutboxMessage(id, MailTopics.BOUNCES, emailHash, MailTopics.EMAIL_BOUNCED_TYPE, SOURCE,
                now, event));
        logger.info("{} bounce {} ({}) of {} {}{}", report.kind(), report.status(), report.source(),
                email.map(SentEmail::kind).orElse("an email not sent here"), email.map(SentEmail::id).orElse(null),
                suppress ? ": the address is suppressed" : "");
        return true;
    }

    /**
     * Writes what came back on the email. When it cannot be delivered (a hard bounce, or the soft one that made the
     * limit) and it was a client's email about a booking, the practice is told, and the rest of the booking's chain of
     * care is cancelled: it would bounce too.
     */
    private void onEmail(SentEmail email, DeliveryReport report, boolean suppress, Instant now) {
        String bounce = report.kind() + ((report.status() != null) ? " " + report.status() : "")
                + ((report.diagnostic() != null) ? ": " + report.diagnostic() : "");
        this.jdbc.sql("update notification set bounce = ?, bounced_at = ? where id = ?")
            .params(bounce, Timestamp.from(now), email.id()).update();
        boolean undeliverable = report.kind() == DeliveryReport.Kind.HARD
                || (report.kind() == DeliveryReport.Kind.SOFT && suppress);
        if (undeliverable && email.isClientBookingEmail()) {
            this.alerts.queue(email.bookingId(), email.bookingVersion(), email.eventType(), email.event(), now);
            this.reminders.cancel(email.bookingId(), "the client's address bounced");
        }
    }

    /** The newest reports, newest first: what the ops delivery log shows. */
    public List<LoggedReport> recent(int limit) {
        return this.jdbc.sql("""
                select recorded_at, kind, source, status, diagnostic, email_kind, booking_id, suppressed from bounce
                order by recorded_at desc limit ?""")
            .param(limit)
            .query((rs, row) -> new LoggedReport(rs.getTimestamp("recorded_at").toInstant(), rs.getString("kind"),
                    rs.getString("source"), rs.getString("status"), rs.getString("diagnostic"),
                    rs.getString("email_kind"), rs.getObject("booking_id", UUID.class), rs.getBoolean("suppressed")))
            .list();
    }

    /**
     * A report as the ops delivery log shows it: no address, the kind of email and its booking when it was ours.
     */
    public record LoggedReport(Instant recordedAt, String kind, String source, String status, String diagnostic,
            String emailKind, UUID bookingId, boolean suppressed) {
    }

    /** Soft bounces to the address since its last delivery or suppression, within the window. */
    private int softInARow(String emailHash, Instant at) {
        return this.jdbc.sql("""
                select count(*) from bounce where email_hash = :hash and kind = 'SOFT' and occurred_at >= :since
                and recorded_at > coalesce((select max(recorded_at) from bounce where email_hash = :hash
                    and (kind = 'DELIVERED' or suppressed)), '-infinity'::timestamptz)""")
            .param("hash", emailHash).param("since", Timestamp.from(at.minus(this.properties.softWindow())))
            .query(Integer.class).single();
    }

    /** A report that names neither an address nor an email of ours: nothing can be done with it. */
    static final class UnattributableReportException extends RuntimeException {

        UnattributableReportException(String reportId) {
            super("Report " + reportId + " names neither an address nor an email of ours");
        }

    }

}
