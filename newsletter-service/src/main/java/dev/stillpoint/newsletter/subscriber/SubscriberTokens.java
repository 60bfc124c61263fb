package dev.stillpoint.newsletter.subscriber;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.stillpoint.newsletter.system.NewsletterProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Tokens in confirm, unsubscribe and data links: the subscriber's id and an HMAC-SHA256 over it and the link's purpose.
 * They cannot be guessed, and a changed character makes them invalid.
 */
@Component
public class SubscriberTokens {

    private static final Logger logger = LoggerFactory.getLogger(SubscriberTokens.class);

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    SubscriberTokens(NewsletterProperties properties) {
        byte[] secret;
        if (StringUtils.hasText(properties.tokenSecret())) {
            secret = properties.tokenSecret().getBytes(StandardCharsets.UTF_8);
        }
        else {
            secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            logger.warn("stillpoint.newsletter.token-secret is not set: links in emails sent by this run stop working "
                    + "when it ends");
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    public String token(UUID subscriberId, Purpose purpose) {
        byte[] id = bytes(subscriberId);
        return ENCODER.encodeToString(id) + "." + ENCODER.encodeToString(mac(id, purpose));
    }

    /** The subscriber a token was made for, if it is genuine and for this purpose. */
    public Optional<UUID> verify(String token, Purpose purpose) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        try {
            byte[] id = Base64.getUrlDecoder().decode(parts[0]);
            if (parts.length != 2 || id.length != 16
                    || !MessageDigest.isEqual(mac(id, purpose), Base64.getUrlDecoder().decode(parts[1]))) {
                return Optional.empty();
            }
            ByteBuffer buffer = ByteBuffer.wrap(id);
            return Optional.of(new UUID(buffer.getLong(), buffer.getLong()));
        }
        catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] id, Purpose purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(this.key);
            mac.update(purpose.name().getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(mac.doFinal(id), 18);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is not available", ex);
        }
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }

    public enum Purpose {

        CONFIRM, UNSUBSCRIBE,

        /** Seeing, downloading and erasing what the newsletter keeps about the subscriber. */
        DATA

    }

}
