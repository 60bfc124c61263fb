package dev.stillpoint.notification.waitlist;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.stillpoint.events.waitlist.WaitlistOffer;
import dev.stillpoint.events.waitlist.WaitlistOfferMade;
import dev.stillpoint.events.waitlist.WaitlistOfferWithdrawn;
import dev.stillpoint.events.waitlist.WaitlistTopics;
import dev.stillpoint.mail.OutgoingEmail;
import dev.stillpoint.notification.delivery.EmailComposer;
import dev.stillpoint.notification.delivery.PendingNotification;
import dev.stillpoint.notification.mail.EmailTemplates;
import dev.stillpoint.notification.mail.SessionEmailModel;
import dev.stillpoint.notification.mail.SessionTimes;
import dev.stillpoint.support.practice.PracticeProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/** Writes the waitlist's emails: a freed time offered with its one-click link, and word that it went. */
@Component
class WaitlistEmails implements EmailComposer {

    static final String OFFER = "WAITLIST_OFFER";

    static final String GONE = "WAITLIST_GONE";

    private static final Set<String> KINDS = Set.of(OFFER, GONE);

    private final EmailTemplates templates;

    private final PracticeProperties practice;

    private final JsonMapper json;

    WaitlistEmails(EmailTemplates templates, PracticeProperties practice, JsonMapper json) {
        this.templates = templates;
        this.practice = practice;
        this.json = json;
    }

    @Override
    public boolean composes(String kind) {
        return KINDS.contains(kind);
    }

    @Override
    public OutgoingEmail compose(PendingNotification notification) {
        boolean gone = GONE.equals(notification.kind());
        WaitlistOffer offer = WaitlistTopics.OFFER_WITHDRAWN_TYPE.equals(notification.eventType())
                ? this.json.readValue(notification.event(), WaitlistOfferWithdrawn.class).offer()
                : this.json.readValue(notification.event(), WaitlistOfferMade.class).offer();
        ZoneId zone = ZoneId.of(offer.client().timeZone());
        SessionTimes when = SessionTimes.of(offer.startsAt(), offer.endsAt(), zone);
        Map<String, Object> model = new HashMap<>();
        model.put("clientName", offer.client().name());
        model.put("sessionTitle", SessionEmailModel.SESSION_TITLE);
        model.put("bookedMinutes", offer.bookedMinutes());
        model.put("handsOnMinutes", offer.handsOnMinutes());
        model.put("when", when);
        if (!zone.equals(this.practice.timeZone())) {
            model.put("practiceWhen", SessionTimes.of(offer.startsAt(), offer.endsAt(), this.practice.timeZone()));
        }
        model.put("offerUrl", offer.offerUrl());
        model.put("leaveUrl", offer.leaveUrl());
        model.put("practice", this.practice);
        EmailTemplates.Rendered rendered = this.templates.render(gone ? "waitlist-gone" : "waitlist-offer", model);
        String day = when.date() + " at " + when.time().substring(0, 5);
        return new OutgoingEmail(notification.messageId(), offer.client().email(), offer.client().name(),
                gone ? "Taken: the time on " + day + " has gone" : "A time came free: " + day, rendered.text(),
                rendered.html(), List.of());
    }

}
