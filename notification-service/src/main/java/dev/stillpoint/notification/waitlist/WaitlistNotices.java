package dev.stillpoint.notification.waitlist;

import java.time.Clock;
import java.util.List;

import dev.stillpoint.events.waitlist.WaitlistOffer;
import dev.stillpoint.events.waitlist.WaitlistOfferMade;
import dev.stillpoint.events.waitlist.WaitlistOfferWithdrawn;
import dev.stillpoint.events.waitlist.WaitlistTopics;
import dev.stillpoint.notification.delivery.NewNotification;
import dev.stillpoint.notification.delivery.NotificationInserts;
import dev.stillpoint.notification.delivery.QueuedNotification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The waitlist's events, from booking-service, as emails: an offer of a freed time, and word that it went. Each is a
 * notification keyed by the offer (version 1 the offer, 2 its withdrawal), so a redelivered event adds nothing; they
 * go through the same queue, retries and timeline as every other email. A record that cannot be read is
 * dead-lettered with the reason.
 */
@Component
class WaitlistNotices {

    static final String GROUP_ID = "notification-service-waitlist";

    private final NotificationInserts inserts;

    private final JsonMapper json;

    private final Clock clock;

    WaitlistNotices(NotificationInserts inserts, JsonMapper json, Clock clock) {
        this.inserts = inserts;
        this.json = json;
        this.clock = clock;
    }

    @KafkaListener(id = GROUP_ID, topics = WaitlistTopics.WAITLIST_EVENTS)
    @Transactional
    void on(ConsumerRecord<String, Object> record) {
        Object event = record.value();
        if (event instanceof WaitlistOfferMade made) {
            queue(made.offer(), 1, WaitlistEmails.OFFER, WaitlistTopics.OFFER_MADE_TYPE, made);
        }
        else if (event instanceof WaitlistOfferWithdrawn withdrawn) {
            queue(withdrawn.offer(), 2, WaitlistEmails.GONE, WaitlistTopics.OFFER_WITHDRAWN_TYPE, withdrawn);
        }
        else {
            throw new IllegalArgumentException("Not a waitlist event: " + ((event != null) ? event.getClass().getName()
                    : "no value"));
        }
    }

    private void queue(WaitlistOffer offer, long version, String kind, String ceType, Object event) {
        NewNotification email = new NewNotification(offer.offerId(), version, kind, offer.client().email(),
                offer.client().timeZone(), ceType, this.json.writeValueAsString(event), this.clock.instant(),
                offer.startsAt());
        this.inserts.addAll(List.of(QueuedNotification.pending(email, null)));
    }

}
