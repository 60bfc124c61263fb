package dev.stillpoint.events.catalog;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.stillpoint.events.booking.BookingEventType;
import dev.stillpoint.events.client.ClientPreferencesChanged;
import dev.stillpoint.events.client.ClientTopics;
import dev.stillpoint.events.mail.EmailBounced;
import dev.stillpoint.events.mail.MailTopics;
import dev.stillpoint.events.newsletter.NewsletterEventType;
import dev.stillpoint.events.privacy.ClientErasureCompleted;
import dev.stillpoint.events.privacy.ClientErasureRequested;
import dev.stillpoint.events.privacy.PrivacyTopics;
import dev.stillpoint.events.waitlist.WaitlistOfferMade;
import dev.stillpoint.events.waitlist.WaitlistOfferWithdrawn;
import dev.stillpoint.events.waitlist.WaitlistTopics;

/**
 * Every event of the contract by its CloudEvents {@code ce_type}, declared once (in a package of its own, as it knows
 * every other): a consumer reads the header and learns which record the JSON body is. A type not listed here is not
 * an event any service knows.
 */
public final class EventTypes {

    private static final Map<String, Class<?>> BY_CE_TYPE = build();

    private EventTypes() {
    }

    /** The record a {@code ce_type} names, if it is one of the contract's. */
    public static Optional<Class<?>> javaType(String ceType) {
        return Optional.ofNullable(BY_CE_TYPE.get(ceType));
    }

    /** Every {@code ce_type} with its record. */
    public static Map<String, Class<?>> all() {
        return BY_CE_TYPE;
    }

    private static Map<String, Class<?>> build() {
        Map<String, Class<?>> types = new LinkedHashMap<>();
        Arrays.stream(BookingEventType.values()).forEach((type) -> types.put(type.ceType(), type.javaType()));
        Arrays.stream(NewsletterEventType.values()).forEach((type) -> types.put(type.ceType(), type.javaType()));
        types.put(PrivacyTopics.REQUESTED_TYPE, ClientErasureRequested.class);
        types.put(PrivacyTopics.COMPLETED_TYPE, ClientErasureCompleted.class);
        types.put(ClientTopics.PREFERENCES_CHANGED_TYPE, ClientPreferencesChanged.class);
        types.put(WaitlistTopics.OFFER_MADE_TYPE, WaitlistOfferMade.class);
        types.put(WaitlistTopics.OFFER_WITHDRAWN_TYPE, WaitlistOfferWithdrawn.class);
        types.put(MailTopics.EMAIL_BOUNCED_TYPE, EmailBounced.class);
        return Collections.unmodifiableMap(types);
    }

}
