package dev.stillpoint.booking.waitlist;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.stillpoint.booking.appointment.BookingProperties;
import dev.stillpoint.support.SigningKeys;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The signed links of the waitlist's emails: an offer's (which books it) and an entry's (which leaves the waitlist).
 * Signed with the manage links' key ({@code stillpoint.booking.manage-link-secret}), each over its own purpose, so that
 * no token passes for another kind.
 */
@Component
public class WaitlistLinks {

    private static final byte[] OFFER = "waitlist-offer:".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] LEAVE = "waitlist-leave:".getBytes(StandardCharsets.US_ASCII);

    private final SigningKeys keys;

    private final URI baseUrl;

    WaitlistLinks(BookingProperties properties, Environment environment) {
        this.keys = SigningKeys.fromProperty("stillpoint.booking.manage-link-secret", properties.manageLinkSecret(), 32,
                environment);
        this.baseUrl = properties.publicBaseUrl();
    }

    URI offerUrl(UUID offerId) {
        return UriComponentsBuilder.fromUri(this.baseUrl).path("/waitlist/offers/{id}")
            .queryParam("token", this.keys.sign(OFFER, bytes(offerId))).build(offerId);
    }

    public URI leaveUrl(UUID entryId) {
        return UriComponentsBuilder.fromUri(this.baseUrl).path("/waitlist/{id}/leave")
            .queryParam("token", this.keys.sign(LEAVE, bytes(entryId))).build(entryId);
    }

    public boolean isValidOffer(UUID offerId, String token) {
        return this.keys.verify(token, OFFER, bytes(offerId));
    }

    public boolean isValidLeave(UUID entryId, String token) {
        return this.keys.verify(token, LEAVE, bytes(entryId));
    }

    private static byte[] bytes(UUID id) {
        return id.toString().getBytes(StandardCharsets.US_ASCII);
    }

}
