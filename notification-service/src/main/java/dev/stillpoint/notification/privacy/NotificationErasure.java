package dev.stillpoint.notification.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.stillpoint.events.privacy.ClientErasureCompleted;
import dev.stillpoint.events.privacy.ClientErasureRequested;
import dev.stillpoint.events.privacy.PrivacyTopics;
import dev.stillpoint.notification.reminder.ClientPreferences;
import dev.stillpoint.notification.reminder.ReminderScheduling;
import dev.stillpoint.outbox.Outbox;
import dev.stillpoint.outbox.OutboxMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a client here: the reminders still planned for their bookings are cancelled, and every email kept for the
 * address (its copy of the booking event, the address itself) is deleted; the report goes out through the outbox in
 * the same transaction. Running it again finds nothing more and reports again, harmlessly.
 */
@Service
class NotificationErasure {

    static final String SERVICE = "notification-service";

    static final String SOURCE = "/stillpoint/notification-service";

    private static final Logger logger = LoggerFactory.getLogger(NotificationErasure.class);

    /** The address's hash, whether the row still has the address or retention reduced it to its hash. */
    private static final String MATCHES = "(encode(sha256(convert_to(lower(btrim(recipient)), 'UTF8')), 'hex') = :hash "
            + "or recipient = 'sha256:' || :hash)";

    private final JdbcClient jdbc;

    private final ReminderScheduling reminders;

    private final ClientPreferences preferences;

    private final Outbox outbox;

    private final Clock clock;

    NotificationErasure(JdbcClient jdbc, ReminderScheduling reminders, ClientPreferences preferences, Outbox outbox,
            Clock clock) {
        this.jdbc = jdbc;
        this.reminders = reminders;
        this.preferences = preferences;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public void erase(ClientErasureRequested request) {
        List<UUID> bookings = this.jdbc.sql("select distinct booking_id from notification where " + MATCHES)
            .param("hash", request.emailHash()).query(UUID.class).list();
        bookings.forEach((booking) -> this.reminders.cancel(booking, "the client's data was erased"));
        // the practice's alerts about these bookings carry the client's details too
        int records = bookings.isEmpty() ? 0 : this.jdbc.sql("delete from notification where " + MATCHES
                + " or booking_id in (:bookings)").param("hash", request.emailHash()).param("bookings", bookings)
            .update();
        records += this.preferences.erase(request.emailHash());
        // a bounce's diagnostic can quote the address
        records += this.jdbc.sql("delete from bounce where email_hash = ?").param(request.emailHash()).update();
        Instant now = this.clock.instant();
        ClientErasureCompleted report = new ClientErasureCompleted(UUID.randomUUID(), request.erasureId(), SERVICE,
                records, now);
        this.outbox.append(new OutboxMessage(report.eventId(), PrivacyTopics.ERASURE_REPORTS,
                request.erasureId().toString(), PrivacyTopics.COMPLETED_TYPE, SOURCE, now, report));
        logger.info("Erasure {}: {} email(s) of {} booking(s) erased", request.erasureId(), records, bookings.size());
    }

}
