package dev.stillpoint.newsletter.subscriber;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.stillpoint.newsletter.subscriber.SubscriberTokens.Purpose;
import dev.stillpoint.newsletter.system.NewsletterProperties;
import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SubscriberTokensTests {

    private static final String OLD_KEY = "an old key of thirty-two bytes or more";

    private static final String NEW_KEY = "the new key and also thirty-two bytes or more";

    private static final UUID ID = UUID.fromString("0b7e4f2a-95c3-4d8e-b1a6-3f2c9d8e7a10");

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @Test
    void aTokenIsForOneSubscriberAndOnePurpose() {
        SubscriberTokens tokens = tokens(OLD_KEY, NOW);
        String unsubscribe = tokens.token(ID, Purpose.UNSUBSCRIBE);
        assertThat(tokens.verify(unsubscribe, Purpose.UNSUBSCRIBE)).contains(ID);
        assertThat(tokens.verify(unsubscribe, Purpose.CONFIRM)).isEmpty();
        assertThat(tokens(NEW_KEY, NOW).verify(unsubscribe, Purpose.UNSUBSCRIBE)).isEmpty();
    }

    @Test
    void aNewKeyPutFirstSignsWhileLinksSignedWithTheOldOneStillWorkUntilItIsRemoved() {
        String old = tokens(OLD_KEY, NOW).token(ID, Purpose.UNSUBSCRIBE);
        SubscriberTokens rotated = tokens(NEW_KEY + "," + OLD_KEY, NOW);
        String fresh = rotated.token(ID, Purpose.UNSUBSCRIBE);
        assertThat(fresh.split("\\.")[1]).as("the key id").isNotEqualTo(old.split("\\.")[1]);
        assertThat(rotated.verify(old, Purpose.UNSUBSCRIBE)).contains(ID);
        assertThat(rotated.verify(fresh, Purpose.UNSUBSCRIBE)).contains(ID);
        assertThat(tokens(NEW_KEY, NOW).verify(old, Purpose.UNSUBSCRIBE)).isEmpty();
        // an unsubscribe link from an email sent before key ids still works, with the key that signed it
        assertThat(rotated.verify(legacy(OLD_KEY, Purpose.UNSUBSCRIBE), Purpose.UNSUBSCRIBE)).contains(ID);
        assertThat(tokens(NEW_KEY, NOW).verify(legacy(OLD_KEY, Purpose.UNSUBSCRIBE), Purpose.UNSUBSCRIBE)).isEmpty();
    }

    @Test
    void aDataLinkWhichCanEraseExpiresAfterThirtyDaysAndItsExpiryCannotBeMovedOn() {
        String data = tokens(OLD_KEY, NOW).token(ID, Purpose.DATA);
        assertThat(tokens(OLD_KEY, NOW.plus(Duration.ofDays(29))).verify(data, Purpose.DATA)).contains(ID);
        assertThat(tokens(OLD_KEY, NOW.plus(Duration.ofDays(31))).verify(data, Purpose.DATA)).isEmpty();

        String[] parts = data.split("\\.");
        String extended = parts[0] + "." + (Long.parseLong(parts[1]) + 86_400 * 365) + "." + parts[2] + "." + parts[3];
        assertThat(tokens(OLD_KEY, NOW).verify(extended, Purpose.DATA)).isEmpty();
        // a data link from before expiry dates no longer works
        assertThat(tokens(OLD_KEY, NOW).verify(legacy(OLD_KEY, Purpose.DATA), Purpose.DATA)).isEmpty();
    }

    @Test
    void aRealDeploymentRefusesToStartWithoutASecretOfAtLeast32Bytes() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("prod");
        assertThatIllegalStateException().isThrownBy(() -> tokens(null, NOW, production))
            .withMessageContaining("STILLPOINT_NEWSLETTER_TOKEN_SECRET");
        assertThatIllegalStateException().isThrownBy(() -> tokens("test", NOW, production))
            .withMessageContaining("at least 32");
        assertThat(tokens(NEW_KEY, NOW, production).token(ID, Purpose.CONFIRM)).isNotBlank();
    }

    /** A token as links were made before key ids: {@code <id>.<18 bytes of the HMAC>}. */
    private static String legacy(String secret, Purpose purpose) {
        try {
            byte[] id = ByteBuffer.allocate(16).putLong(ID.getMostSignificantBits())
                .putLong(ID.getLeastSignificantBits()).array();
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(purpose.name().getBytes(StandardCharsets.UTF_8));
            Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
            return encoder.encodeToString(id) + "." + encoder.encodeToString(Arrays.copyOf(mac.doFinal(id), 18));
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static SubscriberTokens tokens(String secret, Instant now) {
        return tokens(secret, now, new MockEnvironment());
    }

    private static SubscriberTokens tokens(String secret, Instant now, MockEnvironment environment) {
        NewsletterProperties properties = new NewsletterProperties(URI.create("http://localhost"), secret, "Practice",
                "news@example.com", 50, 50_000, 4, 1, Duration.ofSeconds(30), 8, Duration.ofMinutes(1),
                Duration.ofHours(24), Duration.ofDays(30));
        return new SubscriberTokens(properties, environment, Clock.fixed(now, ZoneOffset.UTC));
    }

}
