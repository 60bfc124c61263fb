package dev.stillpoint.booking.appointment;

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

    private static final byte[] PREFERENCES = "preferences:".getBytes(StandardCharsets.US_ASCII);

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

    /**
     * The link to the email preferences of the client whose address has this hash: it works for as long as the client
     * has bookings here, not only until a session ends, as it is in the emails that come after one.
     */
    public URI preferencesUrl(String emailHash) {
        return UriComponentsBuilder.fromUri(this.baseUrl).path("/preferences/{client}")
            .queryParam("token", preferencesToken(emailHash)).build(emailHash);
    }

    /** The same link without the host, for the manage page. */
    public String preferencesPath(String emailHash) {
        return "/preferences/" + emailHash + "?token=" + preferencesToken(emailHash);
    }

    public boolean isValidPreferences(String emailHash, String token) {
        return this.keys.verify(token, PREFERENCES, emailHash.getBytes(StandardCharsets.US_ASCII));
    }

    private String preferencesToken(String emailHash) {
        // the prefix keeps a preferences token from ever passing for a manage token, and the other way round
        return this.keys.sign(PREFERENCES, emailHash.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] bytes(UUID bookingId) {
        return bookingId.toString().getBytes(StandardCharsets.US_ASCII);
    }

}
