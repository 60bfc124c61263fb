package dev.stillpoint.newsletter.subscriber;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import dev.stillpoint.embedded.fuzz.TokenMutations;
import dev.stillpoint.newsletter.subscriber.SubscriberTokens.Purpose;
import dev.stillpoint.newsletter.system.NewsletterProperties;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** Thousands of changed confirm, unsubscribe and data tokens: none is accepted, for any purpose. */
class SubscriberTokenMutationTests {

    private static final SubscriberTokens tokens = new SubscriberTokens(new NewsletterProperties(
            URI.create("http://localhost"), "a key of thirty-two bytes or more for the mutation tests", "Practice",
            "news@example.com", 50, 50_000, 4, 1, Duration.ofSeconds(30), 8, Duration.ofMinutes(1), Duration.ofHours(24),
            Duration.ofDays(30)), new MockEnvironment(), Clock.systemUTC());

    @Property(tries = 6000)
    void noChangedTokenIsAccepted(@ForAll("subscribers") UUID subscriber, @ForAll Purpose purpose,
            @ForAll("mutations") TokenMutations.Mutation change) {
        String genuine = tokens.token(subscriber, purpose);
        String changed = TokenMutations.apply(change, genuine);
        Assume.that(!changed.equals(genuine));
        for (Purpose any : Purpose.values()) {
            tokens.verify(changed, any).ifPresent((accepted) -> assertThat(accepted)
                .as("%s accepted as %s for %s", changed, any, accepted).isNull());
        }
    }

    @Provide
    Arbitrary<UUID> subscribers() {
        return Arbitraries.create(UUID::randomUUID);
    }

    @Provide
    Arbitrary<TokenMutations.Mutation> mutations() {
        return TokenMutations.mutations();
    }

}
