package dev.stillpoint.booking.booking;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The link in every email through which a client manages their booking. Its token is an HMAC of the booking id: it
 * cannot be guessed or altered without the secret.
 */
@Component
public class ManageLinks {

    private static final Logger logger = LoggerFactory.getLogger(ManageLinks.class);

    /** The API's header for a booking's (or a series') manage token: the {@code token} of its manage link. */
    public static final String TOKEN_HEADER = "X-Manage-Token";

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    private final URI baseUrl;

    ManageLinks(BookingProperties properties) {
        this.key = new SecretKeySpec(secret(properties.manageLinkSecret()), ALGORITHM);
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
        return token != null && MessageDigest.isEqual(token(bookingId).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    /** The signed token of a booking's (or a series') manage link. */
    public String token(UUID bookingId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(this.key);
            byte[] signature = mac.doFinal(bookingId.toString().getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static byte[] secret(String configured) {
        if (StringUtils.hasText(configured)) {
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        logger.warn("stillpoint.booking.manage-link-secret is not set: manage links are signed with a random key "
                + "and stop working when this instance restarts");
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return random;
    }

}
