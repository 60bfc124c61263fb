package dev.stillpoint.booking.waitlist;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.stillpoint.booking.IntegrationTestBase;
import dev.stillpoint.booking.appointment.BookingApiIntegrationTests;
import dev.stillpoint.booking.appointment.BookingManagement;
import dev.stillpoint.booking.appointment.TestSlots;
import dev.stillpoint.embedded.TopicReader;
import dev.stillpoint.embedded.Waits;
import dev.stillpoint.events.CloudEventHeaders;
import dev.stillpoint.events.waitlist.WaitlistTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The waitlist over real Kafka and PostgreSQL: clients join from the page; a cancelled booking's time is offered
 * (driven by the booking event) to each client whose wishes it fits, and to no one else; the first to click books
 * it, the others are told it went; a client can leave; a link the service did not sign is refused.
 */
@TestPropertySource(properties = IntegrationTestBase.LOOPBACK_UNLIMITED)
class WaitlistIntegrationTests extends IntegrationTestBase {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    BookingManagement bookings;

    @Autowired
    WaitlistLinks links;

    @Test
    void aFreedTimeIsOfferedToEveryFittingClientTheFirstToClickBooksItAndTheOthersAreToldItWent() {
        OffsetDateTime slot = TestSlots.next();
        String run = UUID.randomUUID().toString().substring(0, 8);
        UUID taken = book("holder-" + run + "@example.com", slot);
        join("first-" + run + "@example.com", slot, slot).expectStatus().isFound()
            .expectHeader().value(HttpHeaders.LOCATION, (location) -> assertThat(location).endsWith("/waitlist/joined"));
        join("second-" + run + "@example.com", slot, slot).expectStatus().isFound();
        // wishes an hour later, or on another day, do not fit
        join("later-" + run + "@example.com", slot.plusHours(1), slot.plusHours(1)).expectStatus().isFound();

        this.bookings.cancel(taken);
        List<JsonNode> offers;
        try (TopicReader events = new TopicReader(brokers(), WaitlistTopics.WAITLIST_EVENTS, WaitlistTopics.PARTITIONS)) {
            await().atMost(Waits.STEP).until(() -> openOffers(slot) == 2);
            offers = offerIds(slot).stream().map((id) -> offerMade(events, id)).toList();
        }
        assertThat(offers).extracting((offer) -> offer.get("client").get("email").asString())
            .containsExactlyInAnyOrder("first-" + run + "@example.com", "second-" + run + "@example.com");
        String firstLink = offerLink(offers, "first-" + run);
        String secondLink = offerLink(offers, "second-" + run);

        // the offer page books it in one click
        EntityExchangeResult<String> page = this.http.get().uri(firstLink).exchange().expectStatus().isOk()
            .returnResult(String.class);
        assertThat(page.getResponseBody()).contains("A time came free", "Book this time");
        post(firstLink, page).expectStatus().isFound()
            .expectHeader().value(HttpHeaders.LOCATION, (location) -> assertThat(location).contains("/manage?token="));
        assertThat(this.jdbc.sql("select count(*) from booking where client_email = ? and status = 'CONFIRMED' "
                + "and starts_at = ?").params("first-" + run + "@example.com", slot).query(Integer.class).single())
            .isEqualTo(1);
        // the second is told it went, and their click says so too
        try (TopicReader events = new TopicReader(brokers(), WaitlistTopics.WAITLIST_EVENTS, WaitlistTopics.PARTITIONS)) {
            UUID second = UUID.fromString(secondLink.replaceAll(".*/offers/([^?]+)\\?.*", "$1"));
            ConsumerRecord<String, String> withdrawn = events.awaitRecords(second.toString(), 2).get(1);
            assertThat(TopicReader.header(withdrawn, CloudEventHeaders.TYPE)).isEqualTo(WaitlistTopics.OFFER_WITHDRAWN_TYPE);
        }
        EntityExchangeResult<String> secondPage = this.http.get().uri(secondLink).exchange().expectStatus().isOk()
            .returnResult(String.class);
        assertThat(secondPage.getResponseBody()).contains("someone else booked this time first").doesNotContain("id=\"take\"");
        // the first client is off the waitlist, and what it kept of them is gone
        assertThat(this.jdbc.sql("select count(*) from waitlist_entry where client_email = ?")
            .param("first-" + run + "@example.com").query(Integer.class).single()).isZero();
        assertThat(this.jdbc.sql("select count(*) from waitlist_offer o join waitlist_entry e on e.id = o.entry_id "
                + "where e.client_email = ?").param("later-" + run + "@example.com").query(Integer.class).single())
            .isZero();
    }

    @Test
    void aClientLeavesFromTheLinkAndIsOfferedNothingMore() {
        OffsetDateTime slot = TestSlots.next();
        String email = "leaving-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        join(email, slot, slot).expectStatus().isFound();
        UUID entry = this.jdbc.sql("select id from waitlist_entry where client_email = ?").param(email)
            .query(UUID.class).single();
        String leave = this.links.leaveUrl(entry).toString().replaceFirst("^http://localhost:8081", "");
        EntityExchangeResult<String> page = this.http.get().uri(leave).exchange().expectStatus().isOk()
            .returnResult(String.class);
        post(leave, page).expectStatus().isOk().expectBody(String.class)
            .value((body) -> assertThat(body).contains("You have left the waitlist"));
        assertThat(this.jdbc.sql("select status from waitlist_entry where id = ?").param(entry).query(String.class)
            .single()).isEqualTo("LEFT");

        this.bookings.cancel(book("holder-" + email, slot));
        this.http.get().uri(leave.replace("token=", "token=x")).exchange().expectStatus().isForbidden();
        await().during(java.time.Duration.ofSeconds(2)).atMost(Waits.STEP)
            .until(() -> openOffers(slot) == 0);
    }

    @Test
    void aWishThatDoesNotAddUpIsSaidNextToItsField() {
        // times of day as a browser's time input takes them back, whatever the server's locale
        assertThat(this.http.get().uri("/waitlist").exchange().expectStatus().isOk().returnResult(String.class)
            .getResponseBody()).containsPattern("id=\"earliest\" name=\"earliest\" value=\"09:00(:00)?\"");
        OffsetDateTime slot = TestSlots.next();
        join("backwards@example.com", slot, slot.minusDays(1)).expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
            .expectBody(String.class).value((body) -> assertThat(body).contains("Please check your details",
                    "Please choose a last day on or after the first"));
        this.http.get().uri("/waitlist/offers/" + UUID.randomUUID() + "?token=made-up").exchange()
            .expectStatus().isForbidden();
    }

    private int openOffers(OffsetDateTime slot) {
        return this.jdbc.sql("select count(*) from waitlist_offer where starts_at = ? and status = 'OPEN'")
            .param(slot).query(Integer.class).single();
    }

    private List<UUID> offerIds(OffsetDateTime slot) {
        return this.jdbc.sql("select id from waitlist_offer where starts_at = ?").param(slot).query(UUID.class).list();
    }

    private JsonNode offerMade(TopicReader events, UUID offerId) {
        ConsumerRecord<String, String> record = events.awaitRecords(offerId.toString(), 1).get(0);
        assertThat(TopicReader.header(record, CloudEventHeaders.TYPE)).isEqualTo(WaitlistTopics.OFFER_MADE_TYPE);
        return this.json.readTree(record.value()).get("offer");
    }

    private static String offerLink(List<JsonNode> offers, String who) {
        return offers.stream().filter((offer) -> offer.get("client").get("email").asString().startsWith(who))
            .findFirst().orElseThrow().get("offerUrl").asString().replaceFirst("^http://localhost:8081", "");
    }

    private RestTestClient.ResponseSpec join(String email, OffsetDateTime from, OffsetDateTime until) {
        EntityExchangeResult<String> form = this.http.get().uri("/waitlist?tz=Europe/London").exchange()
            .expectStatus().isOk().returnResult(String.class);
        ZonedDateTime start = from.atZoneSameInstant(TestSlots.PRACTICE);
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("sessionType", "CST_60");
        fields.add("timeZone", "Europe/London");
        fields.add("firstDay", start.toLocalDate().toString());
        fields.add("lastDay", until.atZoneSameInstant(TestSlots.PRACTICE).toLocalDate().toString());
        fields.add("days", start.getDayOfWeek().name());
        fields.add("earliest", start.toLocalTime().toString());
        fields.add("latest", start.toLocalTime().toString());
        fields.add("name", "Waiting Client");
        fields.add("email", email);
        for (String question : List.of("aneurysm", "cerebralHemorrhage", "bleedingDisorder", "intracranialPressure")) {
            fields.add(question, "false");
        }
        return submit("/waitlist", form, fields);
    }

    private RestTestClient.ResponseSpec post(String link, EntityExchangeResult<String> page) {
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("token", link.substring(link.indexOf("token=") + 6));
        return submit(link.substring(0, link.indexOf('?')), page, fields);
    }

    private RestTestClient.ResponseSpec submit(String path, EntityExchangeResult<String> page,
            MultiValueMap<String, String> fields) {
        Matcher csrf = CSRF.matcher(page.getResponseBody());
        assertThat(csrf.find()).isTrue();
        fields.add("_csrf", csrf.group(1));
        String session = page.getResponseHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0];
        return this.http.post().uri(path).header(HttpHeaders.COOKIE, session).accept(MediaType.TEXT_HTML)
            .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(fields).exchange();
    }

    private UUID book(String email, OffsetDateTime slot) {
        String response = this.http.post().uri("/api/bookings").contentType(MediaType.APPLICATION_JSON)
            .body(BookingApiIntegrationTests.request("Holder", email, "Europe/London", "CST_60", slot, false))
            .exchange().expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
        return UUID.fromString(response.substring(response.indexOf("\"id\":\"") + 6, response.indexOf("\"id\":\"") + 42));
    }

    private static String brokers() {
        return System.getProperty("spring.embedded.kafka.brokers");
    }

}
