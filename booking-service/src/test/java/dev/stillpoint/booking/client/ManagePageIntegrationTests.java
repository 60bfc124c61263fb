package dev.stillpoint.booking.client;

import java.util.UUID;

import dev.stillpoint.booking.IntegrationTestBase;
import dev.stillpoint.booking.appointment.BookingApiIntegrationTests;
import dev.stillpoint.booking.appointment.ManageLinks;
import dev.stillpoint.booking.appointment.TestSlots;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manage page's rules, with a cancellation notice period longer than any booking is away: every booking is
 * inside it. A link works until its session ends, and only with its own token.
 */
@TestPropertySource(properties = { "stillpoint.booking.cancellation-notice=1000d",
        "stillpoint.practice.phone=01632 960 123" })
class ManagePageIntegrationTests extends IntegrationTestBase {

    @Autowired
    RestTestClient http;

    @Autowired
    ManageLinks links;

    @Autowired
    JdbcClient jdbc;

    @Test
    void insideTheNoticePeriodThePageSaysToCallThePracticeAndCancellingIsRefused() {
        UUID id = book();
        String page = this.http.get().uri(this.links.managePath(id)).exchange()
            .expectStatus().isOk()
            .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("can no longer be moved or cancelled", "01632 960 123")
            .doesNotContain("Move my session", "Cancel this session");

        this.http.post().uri("/api/bookings/{id}/cancel", id).header(ManageLinks.TOKEN_HEADER, this.links.token(id)).exchange()
            .expectStatus().isEqualTo(HttpStatus.CONFLICT)
            .expectBody().jsonPath("$.detail").isEqualTo("Your session starts within 24000 hours, so it can no longer "
                    + "be cancelled online. Please call the practice.");
        assertThat(status(id)).isEqualTo("CONFIRMED");
    }

    @Test
    void aLinkExpiresOnceItsSessionHasEnded() {
        UUID id = book();
        this.jdbc.sql("update booking set starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' "
                + "where id = ?").param(id).update();
        String page = this.http.get().uri(this.links.managePath(id)).exchange()
            .expectStatus().isEqualTo(HttpStatus.GONE)
            .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("This link has expired").doesNotContain("Test Client");
    }

    @Test
    void aLinkWithAnotherBookingsTokenIsRefused() {
        UUID id = book();
        String other = this.links.managePath(book());
        String page = this.http.get().uri("/bookings/" + id + "/manage?token=" + other.substring(other.indexOf('=') + 1))
            .exchange()
            .expectStatus().isForbidden()
            .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("This link is not valid").doesNotContain("Test Client");
        this.http.get().uri("/bookings/" + id + "/manage").exchange().expectStatus().isForbidden();
    }

    @Test
    void aPageAsksForAPageNotAProblemDocument() {
        this.http.get().uri("/book?type=CST_90").accept(MediaType.TEXT_HTML).exchange()
            .expectStatus().isBadRequest()
            .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
            .expectBody(String.class).value((body) -> assertThat(body).contains("We could not use that request"));
    }

    private UUID book() {
        String response = this.http.post().uri("/api/bookings").contentType(MediaType.APPLICATION_JSON)
            .body(BookingApiIntegrationTests.request("Test Client", "client@example.com", "Europe/London", "CST_60",
                    TestSlots.next(), false))
            .exchange()
            .expectStatus().isCreated()
            .expectBody(String.class).returnResult().getResponseBody();
        return UUID.fromString(response.substring(response.indexOf("\"id\":\"") + 6, response.indexOf("\"id\":\"") + 42));
    }

    private String status(UUID id) {
        return this.jdbc.sql("select status from booking where id = ?").param(id).query(String.class).single();
    }

}
