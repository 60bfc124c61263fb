package dev.stillpoint.booking.appointment;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ManageLinksTests {

    private static final String OLD_KEY = "an old key of thirty-two bytes or more";

    private static final String NEW_KEY = "the new key and also thirty-two bytes or more";

    private static final UUID ID = UUID.fromString("6f1c1d7e-4c1b-4a57-9d55-1a3c0f7e2b10");

    private final ManageLinks links = links(OLD_KEY, new MockEnvironment());

    @Test
    void linkCarriesATokenOnlyTheSecretCanMake() {
        URI url = this.links.manageUrl(ID);

        assertThat(url.toString()).startsWith("https://book.example.com/bookings/" + ID + "/manage?token=");
        String token = url.getQuery().substring("token=".length());
        assertThat(this.links.isValid(ID, token)).isTrue();
        assertThat(links(OLD_KEY, new MockEnvironment()).isValid(ID, token)).as("stable across restarts").isTrue();
        assertThat(links(NEW_KEY, new MockEnvironment()).isValid(ID, token)).isFalse();
        assertThat(this.links.isValid(UUID.randomUUID(), token)).isFalse();
        assertThat(this.links.isValid(ID, token.substring(0, token.length() - 1) + "A")).isFalse();
        assertThat(this.links.isValid(ID, null)).isFalse();
    }

    @Test
    void aNewKeyPutFirstSignsWhileLinksSignedWithTheOldOneStillWorkUntilItIsRemoved() {
        String old = this.links.token(ID);
        ManageLinks rotated = links(NEW_KEY + ", " + OLD_KEY, new MockEnvironment());
        String fresh = rotated.token(ID);

        assertThat(fresh.substring(0, fresh.indexOf('.'))).as("the key id")
            .isNotEqualTo(old.substring(0, old.indexOf('.')));
        assertThat(rotated.isValid(ID, old)).isTrue();
        assertThat(rotated.isValid(ID, fresh)).isTrue();
        ManageLinks retired = links(NEW_KEY, new MockEnvironment());
        assertThat(retired.isValid(ID, fresh)).isTrue();
        assertThat(retired.isValid(ID, old)).isFalse();
        // a link from before key ids: the bare signature, checked against every key
        assertThat(rotated.isValid(ID, legacyToken(OLD_KEY))).isTrue();
        assertThat(retired.isValid(ID, legacyToken(OLD_KEY))).isFalse();
    }

    @Test
    void aRealDeploymentRefusesToStartWithoutASecretOfAtLeast32Bytes() {
        for (String profile : new String[] { "prod", "docker" }) {
            MockEnvironment production = new MockEnvironment();
            production.setActiveProfiles(profile);
            assertThatIllegalStateException().isThrownBy(() -> links(null, production))
                .withMessageContaining("STILLPOINT_BOOKING_MANAGE_LINK_SECRET");
            assertThatIllegalStateException().isThrownBy(() -> links("short", production))
                .withMessageContaining("at least 32");
            assertThatIllegalStateException().isThrownBy(() -> links(NEW_KEY + ",short", production));
            assertThat(links(NEW_KEY, production).isValid(ID, links(NEW_KEY, production).token(ID))).isTrue();
        }
        // a developer's machine gets a key for the run
        assertThat(links(null, new MockEnvironment()).token(ID)).isNotBlank();
    }

    private static String legacyToken(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(ID.toString().getBytes(StandardCharsets.US_ASCII)));
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static ManageLinks links(String secret, MockEnvironment environment) {
        return new ManageLinks(new BookingProperties(null, Duration.ofMinutes(15),
                Duration.ofDays(90), URI.create("https://book.example.com"), secret, Duration.ofHours(24), 12),
                environment);
    }

}
