package dev.stillpoint.booking.appointment;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import com.jayway.jsonpath.JsonPath;
import dev.stillpoint.booking.IntegrationTestBase;
import dev.stillpoint.embedded.TopicReader;
import dev.stillpoint.events.CloudEventHeaders;
import dev.stillpoint.events.booking.BookingTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

public class BookingApiIntegrationTests extends IntegrationTestBase {

    private static TopicReader topic;

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @BeforeAll
    static void readTopic() {
        topic = new TopicReader(System.getProperty("spring.embedded.kafka.brokers"), BookingTopics.BOOKING_EVENTS,
                BookingTopics.BOOKING_EVENTS_PARTITIONS);
    }

    @AfterAll
    static void closeTopic() {
        topic.close();
    }

    @Test
    void listsTheTwoCranioSacralSessions() {
        this.http.get().uri("/api/session-types").exchange()
            .expectStatus().isOk()
            .expectBody().json("""
                    [{"code":"CST_60","bookedMinutes":60,"handsOnMinutes":45},
                     {"code":"CST_75","bookedMinutes":75,"handsOnMinutes":60}]""");
    }

    @Test
    void bookingIsStoredAndPublishedAsCloudEvent() {
        OffsetDateTime start = TestSlots.next();
        String json = this.http.post().uri("/api/bookings").contentType(MediaType.APPLICATION_JSON)
            .body(request("Ada Lovelace", "ada@example.com", "America/New_York", "CST_75", start, false)).exchange()
            .expectStatus().isCreated()
            .expectBody(String.class).returnResult().getResponseBody();
        BookingResponse booking = this.json.readValue(json, BookingResponse.class);

        assertThat(booking.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(booking.startsAt().toInstant()).isEqualTo(start.toInstant());
        assertThat(OffsetDateTime.parse(JsonPath.read(json, "$.startsAt")).getOffset()).as("in the client's zone")
            .isEqualTo(start.toInstant().atZone(ZoneId.of("America/New_York")).getOffset());
        assertThat(booking.endsAt().toInstant()).isEqualTo(start.toInstant().plusSeconds(75 * 60));
        assertThat(booking.manageUrl().toString()).startsWith("http://localhost:8081/bookings/" + booking.id() + "/manage?token=");
        assertThat(this.jdbc.sql("select status from booking where id = ?").param(booking.id()).query(String.class).single())
            .isEqualTo("CONFIRMED");

        ConsumerRecord<String, String> record = topic.awaitRecords(booking.id().toString(), 1).get(0);
        assertThat(TopicReader.header(record, CloudEventHeaders.TYPE)).isEqualTo("dev.stillpoint.booking.confirmed.v1");
        assertThat(TopicReader.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(TopicReader.header(record, CloudEventHeaders.SOURCE)).isEqualTo(BookingTopics.SOURCE);
        assertThat(TopicReader.header(record, CloudEventHeaders.ID)).isNotBlank();
        assertThat(TopicReader.header(record, CloudEventHeaders.TIME)).isNotBlank();
        assertThat(record.value()).contains("\"bookingVersion\":1", "\"email\":\"ada@example.com\"",
                "\"timeZone\":\"America/New_York\"", "\"sessionType\":\"CST_75\"", "\"handsOnMinutes\":60")
            .doesNotContain("aneurysm", "screen");
    }

    @Test
    void positiveScreeningIsHeldUntilTheStaffApproves() {
        String body = request("Grace Hopper", "grace@example.com", "Europe/London", "CST_60", TestSlots.next(), true)
            .replace("\"bleedingDisorder\": false", "\"bleedingDisorder\": true");
        BookingResponse held = book(body);
        assertThat(held.status()).isEqualTo(BookingStatus.PENDING_REVIEW);

        this.http.post().uri("/api/staff/bookings/{id}/approve", held.id()).exchange()
            .expectStatus().isUnauthorized();
        this.http.post().uri("/api/staff/bookings/{id}/approve", held.id())
            .headers((headers) -> headers.setBasicAuth(STAFF_USER, "wrong")).exchange()
            .expectStatus().isUnauthorized();
        this.http.post().uri("/api/staff/bookings/{id}/approve", held.id())
            .headers((headers) -> headers.setBasicAuth(STAFF_USER, STAFF_PASSWORD)).exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.status").isEqualTo("CONFIRMED").jsonPath("$.version").isEqualTo(2);
        this.http.post().uri("/api/staff/bookings/{id}/approve", held.id())
            .headers((headers) -> headers.setBasicAuth(STAFF_USER, STAFF_PASSWORD)).exchange()
            .expectStatus().isEqualTo(HttpStatus.CONFLICT);

        List<ConsumerRecord<String, String>> records = topic.awaitRecords(held.id().toString(), 2);
        assertThat(records).extracting((record) -> TopicReader.header(record, CloudEventHeaders.TYPE))
            .containsExactly("dev.stillpoint.booking.held-for-review.v1", "dev.stillpoint.booking.confirmed.v1");
        assertThat(records.get(1).value()).contains("\"afterReview\":true").doesNotContain("bleeding");
    }

    @Test
    void aDeclinedBookingFreesItsTimeAndIsPublishedWithoutHealthDetails() {
        OffsetDateTime start = TestSlots.next();
        BookingResponse held = book(request("Held Client", "held@example.com", "Europe/London", "CST_60", start, false)
            .replace("\"intracranialPressure\": false", "\"intracranialPressure\": true"));
        assertThat(held.status()).isEqualTo(BookingStatus.PENDING_REVIEW);

        this.http.post().uri("/api/staff/bookings/{id}/decline", held.id())
            .headers((headers) -> headers.setBasicAuth(STAFF_USER, STAFF_PASSWORD)).exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.status").isEqualTo("DECLINED").jsonPath("$.version").isEqualTo(2);
        this.http.post().uri("/api/staff/bookings/{id}/approve", held.id())
            .headers((headers) -> headers.setBasicAuth(STAFF_USER, STAFF_PASSWORD)).exchange()
            .expectStatus().isEqualTo(HttpStatus.CONFLICT)
            .expectBody().jsonPath("$.detail").isEqualTo("This booking is declined and cannot be approved.");

        List<ConsumerRecord<String, String>> records = topic.awaitRecords(held.id().toString(), 2);
        assertThat(TopicReader.header(records.get(1), CloudEventHeaders.TYPE)).isEqualTo("dev.stillpoint.booking.declined.v1");
        assertThat(records.get(1).value()).contains("\"status\":\"DECLINED\"").doesNotContain("intracranial");
        // the time is free again
        assertThat(book(request("Next Client", "next@example.com", "Europe/London", "CST_60", start, false)).status())
            .isEqualTo(BookingStatus.CONFIRMED);
    }

    @Test
    void rescheduleAndCancelArePublishedInOrder() {
        BookingResponse booking = book(request("Alan Turing", "alan@example.com", "Europe/Berlin", "CST_60", TestSlots.next(), false));
        OffsetDateTime newStart = TestSlots.next();

        this.http.post().uri("/api/bookings/{id}/reschedule", booking.id()).header(TOKEN, booking.manageToken())
            .contentType(MediaType.APPLICATION_JSON).body("{\"startsAt\":\"" + newStart + "\"}").exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.version").isEqualTo(2).jsonPath("$.status").isEqualTo("CONFIRMED");
        this.http.post().uri("/api/bookings/{id}/cancel", booking.id()).header(TOKEN, booking.manageToken()).exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.status").isEqualTo("CANCELLED").jsonPath("$.version").isEqualTo(3);
        this.http.post().uri("/api/bookings/{id}/cancel", booking.id()).header(TOKEN, booking.manageToken()).exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.version").isEqualTo(3);
        this.http.post().uri("/api/bookings/{id}/reschedule", booking.id()).header(TOKEN, booking.manageToken())
            .contentType(MediaType.APPLICATION_JSON).body("{\"startsAt\":\"" + TestSlots.next() + "\"}").exchange()
            .expectStatus().isEqualTo(HttpStatus.CONFLICT)
            .expectBody().jsonPath("$.detail").isEqualTo("This booking is cancelled and cannot be rescheduled.");
        this.http.get().uri("/api/bookings/{id}?token={token}", booking.id(), booking.manageToken()).exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.status").isEqualTo("CANCELLED");

        List<ConsumerRecord<String, String>> records = topic.awaitRecords(booking.id().toString(), 3);
        assertThat(records).extracting((record) -> TopicReader.header(record, CloudEventHeaders.TYPE))
            .containsExactly("dev.stillpoint.booking.confirmed.v1", "dev.stillpoint.booking.rescheduled.v1",
                    "dev.stillpoint.booking.cancelled.v1");
        assertThat(records.get(1).value()).contains("\"bookingVersion\":2", "\"previousStartsAt\":",
                "\"changedBy\":\"CLIENT\"");
        assertThat(records.get(2).value()).contains("\"bookingVersion\":3", "\"status\":\"CANCELLED\"",
                "\"changedBy\":\"CLIENT\"");
    }

    /** The event says staff cancelled it, so that the practice is not told of its own change. */
    @Test
    void aCancellationByStaffIsPublishedAsTheirs() {
        BookingResponse booking = book(request("Grace Hopper", "grace@example.com", "Europe/London", "CST_60",
                TestSlots.next(), false));
        this.http.post().uri("/api/bookings/{id}/cancel", booking.id())
            .headers((headers) -> headers.setBasicAuth(STAFF_USER, STAFF_PASSWORD)).exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.status").isEqualTo("CANCELLED");

        List<ConsumerRecord<String, String>> records = topic.awaitRecords(booking.id().toString(), 2);
        assertThat(records.get(1).value()).contains("\"status\":\"CANCELLED\"", "\"changedBy\":\"STAFF\"");
    }

    @Test
    void thePractitionerCannotBeDoubleBooked() {
        OffsetDateTime start = TestSlots.next();
        book(request("First Client", "first@example.com", "Europe/London", "CST_60", start, false));

        this.http.post().uri("/api/bookings").contentType(MediaType.APPLICATION_JSON)
            .body(request("Second Client", "second@example.com", "Europe/London", "CST_75", start.plusMinutes(45), false))
            .exchange()
            .expectStatus().isEqualTo(HttpStatus.CONFLICT)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.title").isEqualTo("Booking conflict");
        // a cancelled booking frees its slot
        BookingResponse cancelled = book(request("Third Client", "third@example.com", "Europe/London", "CST_60", TestSlots.next(), false));
        this.http.post().uri("/api/bookings/{id}/cancel", cancelled.id()).header(TOKEN, cancelled.manageToken()).exchange()
            .expectStatus().isOk();
        book(request("Fourth Client", "fourth@example.com", "Europe/London", "CST_60", cancelled.startsAt(), false));
    }

    @Test
    void timesThePracticeCannotOfferAre422() {
        OffsetDateTime sunday = TestSlots.next().with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.SUNDAY));
        expectRuleViolation(request("Ada", "ada@example.com", "Europe/London", "CST_60", sunday, false));
        expectRuleViolation(request("Ada", "ada@example.com", "Europe/London", "CST_60", OffsetDateTime.now().minusDays(1), false));
        expectRuleViolation(request("Ada", "ada@example.com", "Europe/London", "CST_60", TestSlots.next().plusMinutes(7), false));
    }

    @Test
    void aBookingIsReadOrChangedOnlyWithItsManageTokenOrByStaffAndItsIdAloneRevealsNothing() {
        // held for review: its status alone would tell a stranger that the client answered yes to a health question
        BookingResponse held = book(request("Held Privately", "private@example.com", "Europe/London", "CST_60",
                TestSlots.next(), false).replace("\"bleedingDisorder\": false", "\"bleedingDisorder\": true"));
        BookingResponse other = book(request("Someone Else", "else@example.com", "Europe/London", "CST_60",
                TestSlots.next(), false));
        UUID unknown = UUID.randomUUID();
        for (UUID id : List.of(held.id(), unknown)) {
            for (String token : java.util.Arrays.asList(null, other.manageToken(), "forged")) {
                expectRefused(this.http.get().uri("/api/bookings/{id}", id).headers(withToken(token)));
                expectRefused(this.http.post().uri("/api/bookings/{id}/cancel", id).headers(withToken(token)));
                expectRefused(this.http.post().uri("/api/bookings/{id}/reschedule", id).headers(withToken(token))
                    .contentType(MediaType.APPLICATION_JSON).body("{\"startsAt\":\"" + TestSlots.next() + "\"}"));
            }
        }

        // the client, with the token from the answer to the booking (or from the manage link), and staff
        this.http.get().uri("/api/bookings/{id}", held.id()).header(TOKEN, held.manageToken()).exchange()
            .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("PENDING_REVIEW");
        this.http.get().uri("/api/bookings/{id}?token={token}", held.id(), held.manageToken()).exchange()
            .expectStatus().isOk().expectBody().jsonPath("$.client.email").isEqualTo("private@example.com");
        this.http.get().uri("/api/bookings/{id}", held.id())
            .headers((headers) -> headers.setBasicAuth(STAFF_USER, STAFF_PASSWORD)).exchange()
            .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("PENDING_REVIEW").jsonPath("$.version")
            .isEqualTo(1);
        // staff learn that an id is unknown; nobody else does
        this.http.get().uri("/api/bookings/{id}", unknown)
            .headers((headers) -> headers.setBasicAuth(STAFF_USER, STAFF_PASSWORD)).exchange()
            .expectStatus().isNotFound()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        this.http.get().uri("/api/bookings/not-a-uuid").exchange()
            .expectStatus().isBadRequest();
    }

    private static Consumer<HttpHeaders> withToken(String token) {
        return (headers) -> {
            if (token != null) {
                headers.set(TOKEN, token);
            }
        };
    }

    /** Refused as a stranger's request, saying nothing about the booking, which stays as it was. */
    private static void expectRefused(RestTestClient.RequestHeadersSpec<?> request) {
        request.exchange()
            .expectStatus().isForbidden()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody(String.class).value((body) -> assertThat(body).contains("Manage token needed")
                .doesNotContain("private@example.com", "Held Privately", "PENDING_REVIEW"));
    }

    private void expectRuleViolation(String body) {
        this.http.post().uri("/api/bookings").contentType(MediaType.APPLICATION_JSON).body(body).exchange()
            .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("startsAt");
    }

    private static final String TOKEN = ManageLinks.TOKEN_HEADER;

    private BookingResponse book(String body) {
        return this.http.post().uri("/api/bookings").contentType(MediaType.APPLICATION_JSON).body(body).exchange()
            .expectStatus().isCreated()
            .expectHeader().exists("Location")
            .expectBody(BookingResponse.class).returnResult().getResponseBody();
    }

    public static String request(String name, String email, String timeZone, String sessionType, OffsetDateTime startsAt,
            boolean newsletter) {
        return """
                {
                  "client": {"name": "%s", "email": "%s", "timeZone": "%s"},
                  "sessionType": "%s",
                  "startsAt": "%s",
                  "newsletterOptIn": %s,
                  "screening": {"aneurysm": false, "cerebralHemorrhage": false, "bleedingDisorder": false, "intracranialPressure": false}
                }""".formatted(name, email, timeZone, sessionType, startsAt, newsletter);
    }

}
