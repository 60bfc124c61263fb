package dev.stillpoint.booking.waitlist;

import java.time.Instant;
import java.util.UUID;

import dev.stillpoint.events.booking.BookingDetails;
import dev.stillpoint.events.booking.BookingTopics;
import dev.stillpoint.events.waitlist.WaitlistOffer;
import dev.stillpoint.events.waitlist.WaitlistOfferMade;
import dev.stillpoint.events.waitlist.WaitlistOfferWithdrawn;
import dev.stillpoint.events.waitlist.WaitlistTopics;
import dev.stillpoint.outbox.OutboxMessage;

import org.springframework.stereotype.Component;

/** Turns an offer into the contract event that announces it, ready for the outbox, keyed by the offer id. */
@Component
class WaitlistEvents {

    private final WaitlistLinks links;

    WaitlistEvents(WaitlistLinks links) {
        this.links = links;
    }

    OutboxMessage made(Offer offer, WaitlistEntry entry, Instant now) {
        WaitlistOfferMade event = new WaitlistOfferMade(UUID.randomUUID(), now, describe(offer, entry));
        return message(event.eventId(), offer.id(), WaitlistTopics.OFFER_MADE_TYPE, now, event);
    }

    OutboxMessage withdrawn(Offer offer, WaitlistEntry entry, Instant now) {
        WaitlistOfferWithdrawn event = new WaitlistOfferWithdrawn(UUID.randomUUID(), now, describe(offer, entry));
        return message(event.eventId(), offer.id(), WaitlistTopics.OFFER_WITHDRAWN_TYPE, now, event);
    }

    private WaitlistOffer describe(Offer offer, WaitlistEntry entry) {
        return new WaitlistOffer(offer.id(), new BookingDetails.Client(entry.client().name(), entry.client().email(),
                entry.client().timeZone().getId()), entry.sessionType().name(), entry.sessionType().bookedMinutes(),
                entry.sessionType().handsOnMinutes(), offer.startsAt(), offer.endsAt(), this.links.offerUrl(offer.id()),
                this.links.leaveUrl(entry.id()));
    }

    private static OutboxMessage message(UUID eventId, UUID offerId, String type, Instant now, Object event) {
        return new OutboxMessage(eventId, WaitlistTopics.WAITLIST_EVENTS, offerId.toString(), type, BookingTopics.SOURCE,
                now, event);
    }

}
