package dev.stillpoint.booking.booking;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ManageLinksTests {

    private final ManageLinks links = links("one secret");

    @Test
    void linkCarriesATokenOnlyTheSecretCanMake() {
        UUID id = UUID.fromString("6f1c1d7e-4c1b-4a57-9d55-1a3c0f7e2b10");
        URI url = this.links.manageUrl(id);

        assertThat(url.toString()).startsWith("https://book.example.com/bookings/" + id + "/manage?token=");
        String token = url.getQuery().substring("token=".length());
        assertThat(this.links.isValid(id, token)).isTrue();
        assertThat(links("one secret").isValid(id, token)).as("stable across restarts").isTrue();
        assertThat(links("another secret").isValid(id, token)).isFalse();
        assertThat(this.links.isValid(UUID.randomUUID(), token)).isFalse();
        assertThat(this.links.isValid(id, token.substring(1) + "A")).isFalse();
        assertThat(this.links.isValid(id, null)).isFalse();
    }

    private static ManageLinks links(String secret) {
        return new ManageLinks(new BookingProperties(ZoneId.of("Europe/London"), null, Duration.ofMinutes(15),
                Duration.ofDays(90), URI.create("https://book.example.com"), secret, Duration.ofHours(24), 12));
    }

}
