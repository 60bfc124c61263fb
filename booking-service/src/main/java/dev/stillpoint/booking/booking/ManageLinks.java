package dev.stillpoint.booking.booking;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.stillpoint.support.SigningKeys;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The link in every email through which a client manages their booking. Its token is an HMAC of the booking id,
 * named by its key's id ({@link SigningKeys}: {@code stillpoint.booking.manage-link-secret} may list a new key before
 * the old one): it cannot be guessed or altered without the secret.
 */
@Component
public class ManageLinks {

    /** The API's header for a booking's (or a series') manage token: the {@code token} of its manage link. */
    public static final String TOKEN_HEADER = "X-Manage-Token";

    private final SigningKeys keys;

    private final URI baseUrl;

    ManageLinks(BookingProperties properties, Environment environment) {
        this.keys = SigningKeys.fromProperty("stillpoint.booking.manage-link-secret", properties.manageLinkSecret(), 32,
                environment);
        this.baseUrl = properties.publicBaseUrl();
    }

    public URI manageUrl(UUID bookingId) {
        return UriComponentsBuilder.fromUri(this.baseUrl).path("/bookings/{id}/manage").queryParam("token", token(bookingId))
            .build(bookingId);
    }

    /** The same link without the host: where the pages send a client who just booked or changed a booking. */
    public String managePath(UUID bookingId) {
        return "/bookings/" + bookingId + "/manage?token=" + token(bookingId);
    }

    public boolean isValid(UUID bookingId, String token) {
        return this.keys.verify(token, bytes(bookingId));
    }

    /** The signed token of a booking's (or a series') manage link. */
    public String token(UUID bookingId) {
        return this.keys.sign(bytes(bookingId));
    }

    private static byte[] bytes(UUID bookingId) {
        return bookingId.toString().getBytes(StandardCharsets.US_ASCII);
    }

}
