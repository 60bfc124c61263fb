package dev.stillpoint.booking.series;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import dev.stillpoint.booking.IntegrationTestBase;
import dev.stillpoint.booking.appointment.Booking;
import dev.stillpoint.booking.appointment.BookingApiIntegrationTests;
import dev.stillpoint.booking.appointment.BookingManagement;
import dev.stillpoint.booking.appointment.ManageLinks;
import dev.stillpoint.booking.appointment.TestSlots;
import dev.stillpoint.embedded.TopicReader;
import dev.stillpoint.events.booking.BookingTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A weekly series of 5 or 10 sessions in one request: each session its own booking, with its own events. */
class BookingSeriesIntegrationTests extends IntegrationTestBase {

    private static TopicReader topic;

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BookingManagement bookings;

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
    void seriesOfFiveKeepsItsTimeAtThePracticeAcrossAChangeOfTheClocks() {
        ZonedDateTime first = saturdayTwoWeeksBeforeTheClocksChange(LocalTime.of(10, 0));
        String json = this.http.post().uri("/api/booking-series").contentType(MediaType.APPLICATION_JSON)
            .body(request("Ada Lovelace", "ada.series@example.com", first.toOffsetDateTime(), 5)).exchange()
            .expectStatus().isCreated()
            .expectHeader().valueMatches("Location", ".*/api/booking-series/[0-9a-f-]{36}")
            .expectBody(String.class).returnResult().getResponseBody();

        List<String> starts = JsonPath.read(json, "$.bookings[*].startsAt");
        assertThat(starts).hasSize(5).allSatisfy((start) -> assertThat(OffsetDateTime.parse(start)
            .atZoneSameInstant(TestSlots.PRACTICE).toLocalTime()).isEqualTo(LocalTime.of(10, 0)));
        assertThat(starts.stream().map((start) -> OffsetDateTime.parse(start).getOffset()).distinct()).hasSize(2);
        String seriesId = JsonPath.read(json, "$.id");
        List<String> ids = JsonPath.read(json, "$.bookings[*].id");
        assertThat(ids).doesNotHaveDuplicates();
        List<Integer> occurrences = JsonPath.read(json, "$.bookings[*].series.occurrence");
        assertThat(occurrences).containsExactly(1, 2, 3, 4, 5);

        for (int i = 0; i < ids.size(); i++) {
            ConsumerRecord<String, String> confirmed = topic.awaitRecords(ids.get(i), 1).get(0);
            assertThat(confirmed.value()).contains("\"series\":{\"id\":\"" + seriesId + "\",\"occurrence\":" + (i + 1)
                    + ",\"occurrences\":5}");
        }
    }

    @Test
    void cancellingOneSessionLeavesTheOthersBooked() {
        ZonedDateTime first = saturdayTwoWeeksBeforeTheClocksChange(LocalTime.of(12, 0));
        String json = this.http.post().uri("/api/booking-series").contentType(MediaType.APPLICATION_JSON)
            .body(request("Grace Hopper", "grace.series@example.com", first.toOffsetDateTime(), 5)).exchange()
            .expectStatus().isCreated()
            .expectBody(String.class).returnResult().getResponseBody();
        String seriesId = JsonPath.read(json, "$.id");
        String third = JsonPath.read(json, "$.bookings[2].id");

        this.http.post().uri("/api/bookings/{id}/cancel", third)
            .header(ManageLinks.TOKEN_HEADER, JsonPath.<String>read(json, "$.bookings[2].manageToken")).exchange()
            .expectStatus().isOk();
        // another session's token is not the series' own
        this.http.get().uri("/api/booking-series/{id}", seriesId)
            .header(ManageLinks.TOKEN_HEADER, JsonPath.<String>read(json, "$.bookings[0].manageToken")).exchange()
            .expectStatus().isForbidden();

        this.http.get().uri("/api/booking-series/{id}", seriesId)
            .header(ManageLinks.TOKEN_HEADER, JsonPath.<String>read(json, "$.manageToken")).exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.bookings[*].status").isEqualTo(
                    List.of("CONFIRMED", "CONFIRMED", "CANCELLED", "CONFIRMED", "CONFIRMED"));
        assertThat(topic.awaitRecords(third, 2).get(1).value()).contains("\"status\":\"CANCELLED\"");
        List<String> ids = JsonPath.read(json, "$.bookings[*].id");
        assertThat(this.jdbc.sql("select count(*) from booking where series_id = ?::uuid and status = 'CONFIRMED'")
            .param(seriesId).query(Integer.class).single()).isEqualTo(4);
        assertThat(ids).hasSize(5);
    }

    @Test
    void seriesClashingWithABookedWeekIsRefusedWholeAndNamesTheWeek() {
        ZonedDateTime first = saturdayTwoWeeksBeforeTheClocksChange(LocalTime.of(14, 0));
        this.http.post().uri("/api/bookings").contentType(MediaType.APPLICATION_JSON)
            .body(BookingApiIntegrationTests.request("Someone Else", "else@example.com", "Europe/London", "CST_60",
                    first.plusWeeks(3).toOffsetDateTime(), false)).exchange()
            .expectStatus().isCreated();

        this.http.post().uri("/api/booking-series").contentType(MediaType.APPLICATION_JSON)
            .body(request("Alan Turing", "alan.series@example.com", first.toOffsetDateTime(), 10)).exchange()
            .expectStatus().isEqualTo(409)
            .expectBody().jsonPath("$.detail").value((detail) -> assertThat((String) detail)
                .startsWith("These weeks of the series are already booked: Saturday")
                .contains(DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK)
                    .format(first.plusWeeks(3).withZoneSameInstant(ZoneId.of("America/New_York"))) + " (America/New_York)"));
        assertThat(this.jdbc.sql("select count(*) from booking where client_email = 'alan.series@example.com'")
            .query(Integer.class).single()).isZero();
    }

    @Test
    void seriesMustHaveFiveOrTenSessionsEachOfThemBookable() {
        ZonedDateTime first = saturdayTwoWeeksBeforeTheClocksChange(LocalTime.of(16, 0));
        this.http.post().uri("/api/booking-series").contentType(MediaType.APPLICATION_JSON)
            .body(request("Ada", "ada7@example.com", first.toOffsetDateTime(), 7)).exchange()
            .expectStatus().isBadRequest()
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("sessions")
            .jsonPath("$.errors[0].message").isEqualTo("must be 5 or 10");

        OffsetDateTime nearTheHorizon = LocalDate.now(TestSlots.PRACTICE).plusDays(395)
            .with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY)).atTime(16, 0).atZone(TestSlots.PRACTICE)
            .toOffsetDateTime();
        this.http.post().uri("/api/booking-series").contentType(MediaType.APPLICATION_JSON)
            .body(request("Ada", "ada10@example.com", nearTheHorizon, 10)).exchange()
            .expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("startsAt")
            .jsonPath("$.detail").value((detail) -> assertThat((String) detail).startsWith("Session ")
                .contains("of the series, on Saturday", "at most 400 days ahead"));
        this.http.get().uri("/api/booking-series/{id}", UUID.randomUUID()).exchange()
            .expectStatus().isForbidden();
        this.http.get().uri("/api/booking-series/{id}", UUID.randomUUID())
            .headers((headers) -> headers.setBasicAuth(STAFF_USER, STAFF_PASSWORD)).exchange()
            .expectStatus().isNotFound();
    }

    /** A Saturday at {@code time} (the tests' single bookings never use Saturdays) two weeks before the clocks next change. */
    @Test
    void aClientStoppingPartwayCancelsASessionAndEveryLaterOne() {
        ZonedDateTime first = saturdayTwoWeeksBeforeTheClocksChange(LocalTime.of(15, 0));
        String json = this.http.post().uri("/api/booking-series").contentType(MediaType.APPLICATION_JSON)
            .body(request("Stops Partway", "stops@example.com", first.toOffsetDateTime(), 5)).exchange()
            .expectStatus().isCreated()
            .expectBody(String.class).returnResult().getResponseBody();
        List<String> ids = JsonPath.read(json, "$.bookings[*].id");
        this.bookings.cancel(UUID.fromString(ids.get(3)));

        List<Booking> cancelled = this.bookings.cancelFrom(UUID.fromString(ids.get(2)));

        assertThat(cancelled).extracting((booking) -> booking.id().toString()).containsExactly(ids.get(2), ids.get(4));
        this.http.get().uri("/api/booking-series/{id}", JsonPath.<String>read(json, "$.id"))
            .header(ManageLinks.TOKEN_HEADER, JsonPath.<String>read(json, "$.manageToken")).exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.bookings[*].status").isEqualTo(
                    List.of("CONFIRMED", "CONFIRMED", "CANCELLED", "CANCELLED", "CANCELLED"));
        assertThat(topic.awaitRecords(ids.get(4), 2).get(1).value()).contains("\"status\":\"CANCELLED\"");
    }

    @Test
    void aHeldSeriesIsApprovedOrDeclinedWhole() {
        List<String> approved = bookHeldSeries(LocalTime.of(9, 0), "held.series@example.com");
        String seriesId = this.jdbc.sql("select series_id from booking where id = ?::uuid").param(approved.get(0))
            .query(String.class).single();
        this.http.post().uri("/api/staff/booking-series/{id}/approve", seriesId)
            .headers((headers) -> headers.setBasicAuth(STAFF_USER, STAFF_PASSWORD)).exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$[*].status").isEqualTo(List.of("CONFIRMED", "CONFIRMED", "CONFIRMED", "CONFIRMED",
                    "CONFIRMED"));
        for (String id : approved) {
            assertThat(topic.awaitRecords(id, 2).get(1).value()).contains("\"afterReview\":true");
        }
        this.http.post().uri("/api/staff/booking-series/{id}/approve", seriesId)
            .headers((headers) -> headers.setBasicAuth(STAFF_USER, STAFF_PASSWORD)).exchange()
            .expectStatus().isEqualTo(HttpStatus.CONFLICT)
            .expectBody().jsonPath("$.detail").isEqualTo("No session of this series waits for review.");

        List<String> declined = bookHeldSeries(LocalTime.of(17, 0), "declined.series@example.com");
        String otherSeries = this.jdbc.sql("select series_id from booking where id = ?::uuid").param(declined.get(0))
            .query(String.class).single();
        this.http.post().uri("/api/staff/booking-series/{id}/decline", otherSeries)
            .headers((headers) -> headers.setBasicAuth(STAFF_USER, STAFF_PASSWORD)).exchange()
            .expectStatus().isOk();
        assertThat(this.jdbc.sql("select distinct status from booking where series_id = ?::uuid").param(otherSeries)
            .query(String.class).list()).containsExactly("DECLINED");
    }

    private List<String> bookHeldSeries(LocalTime time, String email) {
        ZonedDateTime first = saturdayTwoWeeksBeforeTheClocksChange(time);
        String json = this.http.post().uri("/api/booking-series").contentType(MediaType.APPLICATION_JSON)
            .body(request("Held Series", email, first.toOffsetDateTime(), 5)
                .replace("\"bleedingDisorder\": false", "\"bleedingDisorder\": true"))
            .exchange()
            .expectStatus().isCreated()
            .expectBody(String.class).returnResult().getResponseBody();
        assertThat(JsonPath.<List<String>>read(json, "$.bookings[*].status")).containsOnly("PENDING_REVIEW");
        return JsonPath.read(json, "$.bookings[*].id");
    }

    private static ZonedDateTime saturdayTwoWeeksBeforeTheClocksChange(LocalTime time) {
        Instant after = Instant.now().plusSeconds(21 * 86400);
        Instant change = TestSlots.PRACTICE.getRules().nextTransition(after).getInstant();
        LocalDate saturday = change.atZone(TestSlots.PRACTICE).toLocalDate().minusWeeks(2)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
        return saturday.atTime(time).atZone(TestSlots.PRACTICE);
    }

    private static String request(String name, String email, OffsetDateTime startsAt, int sessions) {
        String single = BookingApiIntegrationTests.request(name, email, "America/New_York", "CST_60", startsAt, false);
        return single.substring(0, single.lastIndexOf('}')) + ", \"sessions\": " + sessions + "}";
    }

}
