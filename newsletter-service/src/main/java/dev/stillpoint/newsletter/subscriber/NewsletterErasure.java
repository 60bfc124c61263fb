package dev.stillpoint.newsletter.subscriber;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.stillpoint.events.newsletter.NewsletterTopics;
import dev.stillpoint.events.privacy.ClientErasureCompleted;
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
 * Erases a client at booking-service's request: the subscriber with the address (as the data page's erase does) and
 * the address's hash onto the suppression list, so that nothing brings it back; the report goes out through the
 * outbox in the same transaction, once per request.
 */
@Service
class NewsletterErasure {

    static final String SERVICE = "newsletter-service";

    private static final Logger logger = LoggerFactory.getLogger(NewsletterErasure.class);

    private final JdbcClient jdbc;

    private final SubscriberData data;

    private final Suppression suppression;

    private final Outbox outbox;

    private final Clock clock;

    NewsletterErasure(JdbcClient jdbc, SubscriberData data, Suppression suppression, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.data = data;
        this.suppression = suppression;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public void erase(ClientErasureRequested request) {
        Instant now = this.clock.instant();
        if (this.jdbc.sql("insert into processed_erasure (erasure_id, processed_at) values (?, ?) on conflict do nothing")
            .params(request.erasureId(), Timestamp.from(now)).update() == 0) {
            return;
        }
        List<UUID> subscribers = this.jdbc.sql("select id from subscriber where "
                + "encode(sha256(convert_to(lower(btrim(email)), 'UTF8')), 'hex') = ?")
            .param(request.emailHash()).query(UUID.class).list();
        subscribers.forEach(this.data::erase);
        this.suppression.add(request.emailHash(), "ERASED");
        ClientErasureCompleted report = new ClientErasureCompleted(UUID.randomUUID(), request.erasureId(), SERVICE,
                subscribers.size(), now);
        this.outbox.append(new OutboxMessage(report.eventId(), PrivacyTopics.ERASURE_REPORTS,
                request.erasureId().toString(), PrivacyTopics.COMPLETED_TYPE, NewsletterTopics.SOURCE, now, report));
        logger.info("Erasure {}: {} subscriber(s) erased", request.erasureId(), subscribers.size());
    }

}
