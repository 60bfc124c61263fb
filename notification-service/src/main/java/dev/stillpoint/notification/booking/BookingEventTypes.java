package dev.stillpoint.notification.booking;

import java.nio.charset.StandardCharsets;

import dev.stillpoint.events.CloudEventHeaders;
import dev.stillpoint.events.booking.BookingEventType;
import dev.stillpoint.events.client.ClientPreferencesChanged;
import dev.stillpoint.events.client.ClientTopics;
import dev.stillpoint.events.privacy.ClientErasureRequested;
import dev.stillpoint.events.privacy.PrivacyTopics;
import dev.stillpoint.events.waitlist.WaitlistOfferMade;
import dev.stillpoint.events.waitlist.WaitlistOfferWithdrawn;
import dev.stillpoint.events.waitlist.WaitlistTopics;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.type.TypeFactory;

/**
 * Tells the JSON deserializer which record a booking event (or an erasure request, a client's preferences, a waitlist offer) is, from its CloudEvents
 * {@code ce_type} header
 * ({@code spring.json.value.type.method}). A record without a known type fails to deserialize and is dead-lettered
 * with the reason.
 */
public final class BookingEventTypes {

    private BookingEventTypes() {
    }

    public static JavaType javaType(byte[] data, Headers headers) {
        Header header = headers.lastHeader(CloudEventHeaders.TYPE);
        if (header == null) {
            throw new IllegalArgumentException("The record has no " + CloudEventHeaders.TYPE + " header");
        }
        String ceType = new String(header.value(), StandardCharsets.UTF_8);
        if (PrivacyTopics.REQUESTED_TYPE.equals(ceType)) {
            return TypeFactory.createDefaultInstance().constructType(ClientErasureRequested.class);
        }
        if (ClientTopics.PREFERENCES_CHANGED_TYPE.equals(ceType)) {
            return TypeFactory.createDefaultInstance().constructType(ClientPreferencesChanged.class);
        }
        if (WaitlistTopics.OFFER_MADE_TYPE.equals(ceType)) {
            return TypeFactory.createDefaultInstance().constructType(WaitlistOfferMade.class);
        }
        if (WaitlistTopics.OFFER_WITHDRAWN_TYPE.equals(ceType)) {
            return TypeFactory.createDefaultInstance().constructType(WaitlistOfferWithdrawn.class);
        }
        BookingEventType type = BookingEventType.fromCeType(ceType)
            .orElseThrow(() -> new IllegalArgumentException("Unknown booking event type '" + ceType + "'"));
        return TypeFactory.createDefaultInstance().constructType(type.javaType());
    }

}
