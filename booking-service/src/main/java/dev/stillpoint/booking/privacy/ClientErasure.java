package dev.stillpoint.booking.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import dev.stillpoint.booking.appointment.BookingConflictException;
import dev.stillpoint.events.booking.BookingTopics;
import dev.stillpoint.events.privacy.ClientErasureRequested;
import dev.stillpoint.events.privacy.PrivacyTopics;
import dev.stillpoint.outbox.Outbox;
import dev.stillpoint.outbox.OutboxMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erasing a client everywhere: booking-service anonymises the client's bookings (name, address, screening answers)
 * and, in the same transaction, publishes {@link ClientErasureRequested} for the other services, which report back
 * ({@link ErasureReportsListener}). A client with sessions still ahead cancels them first: a booking needs someone to
 * tell about it.
 */
@Service
public class ClientErasure {

    public static final String SERVICE = "booking-service";

    private static final Logger logger = LoggerFactory.getLogger(ClientErasure.class);

    private final JdbcClient jdbc;

    private final Outbox outbox;

    private final Clock clock;

    ClientErasure(JdbcClient jdbc, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Erases the address's data here and asks every service to do the same; answers the request's id. */
    @Transactional
    public UUID request(String email, String requestedBy) {
        Instant now = this.clock.instant();
        String hash = PrivacyTopics.emailHash(email);
        int ahead = this.jdbc.sql("select count(*) from booking where lower(client_email) = lower(?) "
                + "and status in ('CONFIRMED', 'PENDING_REVIEW') and starts_at > ?")
            .params(email.strip(), Timestamp.from(now)).query(Integer.class).single();
        if (ahead > 0) {
            throw new BookingConflictException("This client has " + ahead + " session(s) ahead. Cancel them first: "
                    + "erasing the client would leave them with nobody to tell.");
        }
        int records = this.jdbc.sql("""
                update booking set client_name = 'Erased client', client_email = 'erased-' || left(?, 16) || '@erased.invalid',
                    screen_aneurysm = null, screen_cerebral_hemorrhage = null, screen_bleeding_disorder = null,
                    screen_intracranial_pressure = null, updated_at = ?
                where lower(client_email) = lower(?)""")
            .params(hash, Timestamp.from(now), email.strip()).update();
        records += this.jdbc.sql("delete from client_preferences where email_hash = ?").param(hash).update();
        records += this.jdbc.sql("delete from waitlist_entry where lower(client_email) = lower(?)").param(email.strip())
            .update();
        UUID erasureId = UUID.randomUUID();
        this.jdbc.sql("insert into client_erasure (id, email_hash, requested_by, requested_at) values (?, ?, ?, ?)")
            .params(erasureId, hash, requestedBy, Timestamp.from(now)).update();
        report(erasureId, SERVICE, records, now);
        ClientErasureRequested event = new ClientErasureRequested(UUID.randomUUID(), erasureId, hash, requestedBy, now);
        this.outbox.append(new OutboxMessage(event.eventId(), PrivacyTopics.ERASURE_REQUESTS, erasureId.toString(),
                PrivacyTopics.REQUESTED_TYPE, BookingTopics.SOURCE, now, event));
        logger.info("Erasure {} requested by {}: {} booking(s) anonymised here", erasureId, requestedBy, records);
        return erasureId;
    }

    /** Records that a service honoured an erasure; a report already recorded changes nothing. */
    @Transactional
    public void report(UUID erasureId, String service, int records, Instant completedAt) {
        this.jdbc.sql("insert into client_erasure_report (erasure_id, service, records, completed_at) "
                + "values (?, ?, ?, ?) on conflict do nothing")
            .params(erasureId, service, records, Timestamp.from(completedAt)).update();
    }
}
