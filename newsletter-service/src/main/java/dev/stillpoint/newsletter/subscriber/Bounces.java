package dev.stillpoint.newsletter.subscriber;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.stillpoint.events.mail.EmailBounced;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a bounce or complaint does to the list. The recipient's delivery of the issue it was about is marked, for the
 * issue's counts. A complaint unsubscribes the address at once; a bounce that suppresses it (hard, or the soft one
 * that made the limit in a row) marks the subscriber {@code BOUNCED}. Either way the address joins the suppression
 * list, which imports and bookings' newsletter ticks respect; subscribing again by hand and confirming lifts it.
 */
@Service
class Bounces {

    private static final Logger logger = LoggerFactory.getLogger(Bounces.class);

    /** The address's hash, as {@code PrivacyTopics.emailHash} makes it. */
    private static final String HASH = "encode(sha256(convert_to(lower(btrim(email)), 'UTF8')), 'hex')";

    private final JdbcClient jdbc;

    private final Suppression suppression;

    private final Clock clock;

    private final MeterRegistry registry;

    Bounces(JdbcClient jdbc, Suppression suppression, Clock clock, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.suppression = suppression;
        this.clock = clock;
        this.registry = registry;
    }

    @Transactional
    void handle(EmailBounced bounce) {
        Instant now = this.clock.instant();
        if (this.jdbc.sql("insert into handled_bounce (event_id, handled_at) values (?, ?) on conflict do nothing")
            .params(bounce.eventId(), Timestamp.from(now)).update() == 0) {
            return;
        }
        List<UUID> subscribers = (bounce.token() != null) ? this.jdbc.sql("""
                update delivery set bounce = case when bounce = 'COMPLAINT' or (bounce = 'HARD' and :kind = 'SOFT')
                    then bounce else :kind end
                where bounce_token(message_id) = :token returning subscriber_id""")
            .param("kind", bounce.kind().name()).param("token", bounce.token()).query(UUID.class).list() : List.of();
        if (subscribers.isEmpty()) {
            // not an issue of ours (a booking email, a confirmation link): find the address on the list, if it is
            subscribers = this.jdbc.sql("select id from subscriber where " + HASH + " = ?").param(bounce.emailHash())
                .query(UUID.class).list();
        }
        this.registry.counter("stillpoint.newsletter.bounces", "kind", bounce.kind().name()).increment();
        if (bounce.kind() == EmailBounced.Kind.COMPLAINT) {
            subscribers.forEach((id) -> this.jdbc.sql("update subscriber set status = 'UNSUBSCRIBED', "
                    + "unsubscribed_at = ?, updated_at = ? where id = ? and status <> 'UNSUBSCRIBED'")
                .params(Timestamp.from(now), Timestamp.from(now), id).update());
            this.suppression.add(bounce.emailHash(), "COMPLAINED");
            logger.info("A spam complaint unsubscribed {} subscriber(s)", subscribers.size());
        }
        else if (bounce.suppress()) {
            String reason = bounce.kind() + " " + ((bounce.status() != null) ? bounce.status() : "") + " "
                    + ((bounce.diagnostic() != null) ? bounce.diagnostic() : "");
            subscribers.forEach((id) -> this.jdbc.sql("update subscriber set status = 'BOUNCED', bounced_at = ?, "
                    + "bounce_reason = ?, updated_at = ? where id = ? and status in ('CONFIRMED', 'PENDING')")
                .params(Timestamp.from(now), reason.strip(), Timestamp.from(now), id).update());
            this.suppression.add(bounce.emailHash(), "BOUNCED");
            logger.info("A {} bounce marked {} subscriber(s) BOUNCED", bounce.kind(), subscribers.size());
        }
    }

}
