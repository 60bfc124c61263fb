package dev.stillpoint.newsletter.subscriber;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import dev.stillpoint.newsletter.system.NewsletterProperties;
import dev.stillpoint.support.SigningKeys;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Tokens in confirm, unsubscribe and data links: the subscriber's id and an HMAC-SHA256 over it and the link's purpose,
 * named by its key's id ({@link SigningKeys}: {@code stillpoint.newsletter.token-secret} may list a new key before the
 * old one). A data link, which can erase, also carries when it expires. They cannot be guessed, and a changed character
 * makes them invalid.
 */
@Component
public class SubscriberTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    /** The part of each HMAC a token keeps: 144 bits, as links sent before key ids had. */
    private static final int SIGNATURE_BYTES = 18;

    private final SigningKeys keys;

    private final Duration dataLinkValidity;

    private final Clock clock;

    SubscriberTokens(NewsletterProperties properties, Environment environment, Clock clock) {
        this.keys = SigningKeys.fromProperty("stillpoint.newsletter.token-secret", properties.tokenSecret(),
                SIGNATURE_BYTES, environment);
        this.dataLinkValidity = properties.dataLinkValidity();
        this.clock = clock;
    }

    /** {@code <id>.<key id>.<signature>}, or for a data link {@code <id>.<expiry>.<key id>.<signature>}. */
    public String token(UUID subscriberId, Purpose purpose) {
        byte[] id = bytes(subscriberId);
        if (purpose == Purpose.DATA) {
            String expiry = Long.toString(this.clock.instant().plus(this.dataLinkValidity).getEpochSecond());
            return ENCODER.encodeToString(id) + "." + expiry + "." + this.keys.sign(purpose(purpose), id, ascii(expiry));
        }
        return ENCODER.encodeToString(id) + "." + this.keys.sign(purpose(purpose), id);
    }

    /** The subscriber a token was made for, if it is genuine, for this purpose and (a data link) not expired. */
    public Optional<UUID> verify(String token, Purpose purpose) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        try {
            byte[] id = Base64.getUrlDecoder().decode(parts[0]);
            // only the spelling this service writes: base64 has others for the same bytes
            if (id.length != 16 || !ENCODER.encodeToString(id).equals(parts[0]) || !genuine(parts, id, purpose)) {
                return Optional.empty();
            }
            ByteBuffer buffer = ByteBuffer.wrap(id);
            return Optional.of(new UUID(buffer.getLong(), buffer.getLong()));
        }
        catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
    }

    private boolean genuine(String[] parts, byte[] id, Purpose purpose) {
        if (purpose == Purpose.DATA) {
            return parts.length == 4 && parts[1].matches("[0-9]{1,12}")
                    && Long.parseLong(parts[1]) > this.clock.instant().getEpochSecond()
                    && this.keys.verify(parts[2] + "." + parts[3], purpose(purpose), id, ascii(parts[1]));
        }
        // <id>.<signature> is a link sent before key ids: checked against every key
        return (parts.length == 3 && this.keys.verify(parts[1] + "." + parts[2], purpose(purpose), id))
                || (parts.length == 2 && this.keys.verify(parts[1], purpose(purpose), id));
    }

    private static byte[] purpose(Purpose purpose) {
        return ascii(purpose.name());
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }

    public enum Purpose {

        CONFIRM, UNSUBSCRIBE,

        /** Seeing, downloading and erasing what the newsletter keeps about the subscriber; expires. */
        DATA

    }

}
