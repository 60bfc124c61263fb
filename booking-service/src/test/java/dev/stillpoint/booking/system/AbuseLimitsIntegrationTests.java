package dev.stillpoint.booking.system;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.stillpoint.booking.IntegrationTestBase;
import dev.stillpoint.booking.appointment.BookingApiIntegrationTests;
import dev.stillpoint.booking.appointment.TestSlots;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A script on the internet trying to fill the calendar or make the practice write to strangers: it is held to the
 * limits of its address (counted in PostgreSQL) and of the email address it gives, and the practice's staff are not.
 */
class AbuseLimitsIntegrationTests extends IntegrationTestBase {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    /** An address of the documentation range, new to this run, as the proxy in front reports it. */
    private final String stranger = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);

    @BeforeEach
    void forgetEveryAddress() {
        this.jdbc.sql("delete from rate_limit_bucket").update();
    }

    @Test
    void anAddressGetsTenBookingAttemptsAnHourThenA429ProblemWithRetryAfterAndStaffAreNeverLimited() {
        for (int attempt = 0; attempt < 10; attempt++) {
            // each attempt counts, good or bad: a script learns nothing by sending rubbish
            this.http.post().uri("/api/bookings").header("X-Forwarded-For", this.stranger)
                .contentType(MediaType.APPLICATION_JSON).body("{}").exchange().expectStatus().isBadRequest();
        }
        this.http.post().uri("/api/booking-series").header("X-Forwarded-For", this.stranger)
            .contentType(MediaType.APPLICATION_JSON).body("{}").exchange()
            .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader().value(HttpHeaders.RETRY_AFTER, (seconds) -> assertThat(Long.parseLong(seconds))
                .isBetween(1L, 3600L))
            .expectBody().jsonPath("$.title").isEqualTo("Too many requests")
            .jsonPath("$.status").isEqualTo(429);

        // another address is not held back by this one; nor are reads
        this.http.post().uri("/api/bookings").header("X-Forwarded-For", "198.51.100.7")
            .contentType(MediaType.APPLICATION_JSON).body("{}").exchange().expectStatus().isBadRequest();
        this.http.get().uri("/api/session-types").header("X-Forwarded-For", this.stranger).exchange()
            .expectStatus().isOk();
        // the practice's staff, from the same address, book on
        this.http.post().uri("/api/bookings").header("X-Forwarded-For", this.stranger)
            .headers((headers) -> headers.setBasicAuth(STAFF_USER, STAFF_PASSWORD))
            .contentType(MediaType.APPLICATION_JSON)
            .body(BookingApiIntegrationTests.request("Staff Booked", "phoned@example.com", "Europe/London", "CST_60",
                    TestSlots.next(), false))
            .exchange().expectStatus().isCreated();
    }

    @Test
    void theBookingFormOverTheLimitAnswersAPageThatSaysWhenToTryAgain() {
        for (int attempt = 0; attempt < 10; attempt++) {
            this.http.post().uri("/api/bookings").header("X-Forwarded-For", this.stranger)
                .contentType(MediaType.APPLICATION_JSON).body("{}").exchange().expectStatus().isBadRequest();
        }
        var form = this.http.get().uri("/book?type=CST_60").header("X-Forwarded-For", this.stranger).exchange()
            .expectStatus().isOk().returnResult(String.class);
        Matcher csrf = CSRF.matcher(form.getResponseBody());
        assertThat(csrf.find()).isTrue();
        String session = form.getResponseHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0];

        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("_csrf", csrf.group(1));
        fields.add("sessionType", "CST_60");
        fields.add("sessions", "1");
        fields.add("timeZone", "Europe/London");
        fields.add("startsAt", TestSlots.next().toInstant().toString());
        fields.add("name", "Form Client");
        fields.add("email", "form.client@example.com");
        for (String question : List.of("aneurysm", "cerebralHemorrhage", "bleedingDisorder", "intracranialPressure")) {
            fields.add(question, "false");
        }
        this.http.post().uri("/book").header("X-Forwarded-For", this.stranger).header(HttpHeaders.COOKIE, session)
            .accept(MediaType.TEXT_HTML).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(fields).exchange()
            .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
            .expectHeader().exists(HttpHeaders.RETRY_AFTER)
            .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
            .expectBody(String.class).value((page) -> assertThat(page).contains("Please wait a moment",
                    "Please try again in", "call or email the practice"));
        assertThat(this.jdbc.sql("select count(*) from booking where client_email = 'form.client@example.com'")
            .query(Integer.class).single()).isZero();
    }

    @Test
    void oneEmailAddressHoldsAtMostTwelveSessionsAheadUnlessStaffBookThem() {
        String email = "busy-" + UUID.randomUUID() + "@example.com";
        for (int session = 0; session < 12; session++) {
            book(email, TestSlots.next()).expectStatus().isCreated();
        }
        book(email, TestSlots.next()).expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("client.email")
            .jsonPath("$.detail").value((detail) -> assertThat((String) detail).contains("12 sessions",
                    "call or email the practice"));
        // the same address in capitals is the same client
        book(email.toUpperCase(), TestSlots.next()).expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);

        this.http.post().uri("/api/bookings").headers((headers) -> headers.setBasicAuth(STAFF_USER, STAFF_PASSWORD))
            .contentType(MediaType.APPLICATION_JSON)
            .body(BookingApiIntegrationTests.request("Busy Client", email, "Europe/London", "CST_60", TestSlots.next(),
                    false))
            .exchange().expectStatus().isCreated();
    }

    private RestTestClient.ResponseSpec book(String email, OffsetDateTime start) {
        return this.http.post().uri("/api/bookings").contentType(MediaType.APPLICATION_JSON)
            .body(BookingApiIntegrationTests.request("Busy Client", email, "Europe/London", "CST_60", start, false))
            .exchange();
    }

}
