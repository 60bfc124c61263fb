package dev.stillpoint.newsletter.subscriber;

import java.util.concurrent.ThreadLocalRandom;

import dev.stillpoint.embedded.Waits;
import dev.stillpoint.newsletter.NewsletterTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A script entering addresses on the internet: the practice writes to an address at most once a day however often it
 * is entered, and one client address may subscribe only so often in an hour; staff are never limited.
 */
class AbuseLimitsIntegrationTests extends NewsletterTestBase {

    /** An address of the documentation range, as the proxy in front reports it. */
    private final String stranger = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);

    @BeforeEach
    void forgetEveryAddress() {
        this.jdbc.sql("delete from rate_limit_bucket").update();
    }

    @Test
    void anAddressEnteredAgainAndAgainIsSentOneConfirmationADay() throws Exception {
        String address = "pestered-" + run() + "@example.com";
        for (int post = 0; post < 4; post++) {
            // the same answer every time: nobody learns whether the address was new or was written to already
            this.http.post().uri("/api/subscribers").contentType(MediaType.APPLICATION_JSON)
                .body("{\"email\": \"" + address + "\"}").exchange()
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.detail").isEqualTo("Thank you. Please confirm with the link we have sent to "
                        + address + ".");
        }
        assertThat(awaitConfirmations(address, 1)).hasSize(1);
        assertThat(this.jdbc.sql("select confirmation_requested_at is not null from subscriber where email = ?")
            .param(address).query(Boolean.class).single()).isTrue();

        // a day later, asking again brings a new link
        this.jdbc.sql("update subscriber set confirmation_requested_at = now() - interval '25 hours' where email = ?")
            .param(address).update();
        this.http.post().uri("/api/subscribers").contentType(MediaType.APPLICATION_JSON)
            .body("{\"email\": \"" + address + "\"}").exchange().expectStatus().isAccepted();
        assertThat(awaitConfirmations(address, 2)).hasSize(2);
    }

    @Test
    void oneClientAddressMaySubscribeFiveTimesAnHourThenGetsA429ProblemWithRetryAfter() {
        String run = run();
        for (int post = 0; post < 5; post++) {
            this.http.post().uri("/api/subscribers").header("X-Forwarded-For", this.stranger)
                .contentType(MediaType.APPLICATION_JSON).body("{\"email\": \"limited-" + post + "-" + run
                        + "@example.com\"}").exchange()
                .expectStatus().isAccepted();
        }
        this.http.post().uri("/api/subscribers").header("X-Forwarded-For", this.stranger)
            .contentType(MediaType.APPLICATION_JSON).body("{\"email\": \"limited-5-" + run + "@example.com\"}")
            .exchange()
            .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader().value(HttpHeaders.RETRY_AFTER, (seconds) -> assertThat(Long.parseLong(seconds))
                .isBetween(1L, 3600L))
            .expectBody().jsonPath("$.title").isEqualTo("Too many requests");
        assertThat(count("select count(*) from subscriber where email = 'limited-5-" + run + "@example.com'")).isZero();
        await("the five confirmations are sent").atMost(Waits.emails(5))
            .until(() -> count("select count(*) from subscriber where email like 'limited-%-" + run
                    + "@example.com' and confirmation_requested_at is not null") == 5);

        // staff, signed in, from the same address, are not limited
        this.http.post().uri("/api/subscribers").header("X-Forwarded-For", this.stranger).headers(this::staff)
            .contentType(MediaType.APPLICATION_JSON).body("{\"email\": \"limited-5-" + run + "@example.com\"}")
            .exchange()
            .expectStatus().isAccepted();
    }

}
