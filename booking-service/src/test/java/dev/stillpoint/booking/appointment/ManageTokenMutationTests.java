package dev.stillpoint.booking.appointment;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import dev.stillpoint.embedded.fuzz.TokenMutations;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** Thousands of changed manage tokens, each for a booking of its own: none is accepted, for its booking or another. */
class ManageTokenMutationTests {

    private static final ManageLinks links = new ManageLinks(new BookingProperties(null,
            Duration.ofMinutes(15), Duration.ofDays(90), URI.create("https://book.example.com"),
            "a key of thirty-two bytes or more for the mutation tests", Duration.ofHours(24), 12),
            new MockEnvironment());

    @Property(tries = 5000)
    void noChangedTokenIsAccepted(@ForAll("bookings") UUID booking, @ForAll("mutations") TokenMutations.Mutation change) {
        String genuine = links.token(booking);
        String changed = TokenMutations.apply(change, genuine);
        Assume.that(!changed.equals(genuine));
        assertThat(links.isValid(booking, changed)).as(changed).isFalse();
        assertThat(links.isValid(UUID.randomUUID(), genuine)).isFalse();
    }

    @Provide
    Arbitrary<UUID> bookings() {
        return Arbitraries.create(UUID::randomUUID);
    }

    @Provide
    Arbitrary<TokenMutations.Mutation> mutations() {
        return TokenMutations.mutations();
    }

}
