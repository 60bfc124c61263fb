package dev.stillpoint.booking.appointment;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

/**
 * The booking API's HTTP edge cases, in a web slice (no database, no broker): each client mistake is an RFC 9457
 * problem with the right status that names the field at fault. Security is left out here (its filters are off); the
 * integration tests cover who may do what.
 */
@WebMvcTest(controllers = BookingController.class, excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
        pattern = "dev\\.stillpoint\\.booking\\.client\\..*"))
@AutoConfigureMockMvc(addFilters = false)
class BookingControllerTests {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    BookingManagement bookings;

    @MockitoBean
    ManageLinks manageLinks;

    @MockitoBean
    ClientAccess access;

    @Test
    void invalidFieldsAreNamedInA400Problem() {
        String body = request("Bad\\u0007Name", "not-an-email", "Mars/Olympus_Mons", "CST_60")
            .replace("\"aneurysm\": false,", "");
        MvcTestResult result = post(body);
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray()
            .containsExactlyInAnyOrder("client.email", "client.name", "client.timeZone", "screening.aneurysm");
    }

    @Test
    void unreadableValuesAreNamed() {
        String badDate = request("Ada", "ada@example.com", "Europe/London", "CST_60")
            .replaceAll("\"startsAt\": \"[^\"]+\"", "\"startsAt\": \"next tuesday\"");
        assertThat(post(badDate)).hasStatus(HttpStatus.BAD_REQUEST)
            .bodyJson().extractingPath("$.errors[0].field").isEqualTo("startsAt");
        assertThat(post(request("Ada", "ada@example.com", "Europe/London", "CST_90"))).hasStatus(HttpStatus.BAD_REQUEST)
            .bodyJson().extractingPath("$.errors[0].field").isEqualTo("sessionType");
        assertThat(post("{\"client\": ")).hasStatus(HttpStatus.BAD_REQUEST)
            .bodyJson().extractingPath("$.title").isEqualTo("Unreadable request");
    }

    @Test
    void aBrokenRuleIs422AConflict409AndAnUnknownBooking404() {
        given(this.bookings.book(any())).willThrow(new BookingRuleViolation("startsAt", "The practice is closed then."));
        assertThat(post(request("Ada", "ada@example.com", "Europe/London", "CST_60")))
            .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
            .bodyJson().extractingPath("$.errors[0].field").isEqualTo("startsAt");

        UUID id = UUID.randomUUID();
        given(this.bookings.cancel(id)).willThrow(new BookingConflictException("This booking is already cancelled."));
        assertThat(this.mvc.post().uri("/api/bookings/{id}/cancel", id)).hasStatus(HttpStatus.CONFLICT)
            .bodyJson().extractingPath("$.title").isEqualTo("Booking conflict");

        given(this.bookings.find(id)).willThrow(new BookingNotFoundException(id));
        assertThat(this.mvc.get().uri("/api/bookings/{id}", id)).hasStatus(HttpStatus.NOT_FOUND)
            .bodyJson().extractingPath("$.title").isEqualTo("Booking not found");
    }

    private MvcTestResult post(String body) {
        return this.mvc.post().uri("/api/bookings").contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    private static String request(String name, String email, String timeZone, String sessionType) {
        return BookingApiIntegrationTests.request(name, email, timeZone, sessionType,
                OffsetDateTime.parse("2030-01-07T10:00:00Z"), false);
    }

}
