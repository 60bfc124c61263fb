package dev.stillpoint.booking.preferences;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.stillpoint.booking.IntegrationTestBase;
import dev.stillpoint.booking.appointment.BookingApiIntegrationTests;
import dev.stillpoint.booking.appointment.BookingManagement;
import dev.stillpoint.booking.appointment.ManageLinks;
import dev.stillpoint.booking.appointment.TestSlots;
import dev.stillpoint.booking.privacy.ClientErasure;
import dev.stillpoint.embedded.TopicReader;
import dev.stillpoint.events.CloudEventHeaders;
import dev.stillpoint.events.booking.BookingTopics;
import dev.stillpoint.events.client.ClientTopics;
import dev.stillpoint.events.privacy.PrivacyTopics;
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

/**
 * The email preferences page, reached from the link every booking event carries: it shows the client's choice, saves
 * a change with the event notification-service honours (on {@value ClientTopics#PREFERENCES}, in order per client),
 * refuses a link it did not sign, and forgets the choice when the client is erased.
 */
@TestPropertySource(properties = IntegrationTestBase.LOOPBACK_UNLIMITED)
class PreferencesPageIntegrationTests extends IntegrationTestBase {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    RestTestClient http;

    @Autowired
    ManageLinks links;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    ClientErasure erasure;

    @Autowired
    BookingManagement bookings;

    @Test
    void theLinkInTheBookingsEventsOpensThePageWhereAChangeIsSavedAndPublishedOnce() {
        String email = "chooser-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String hash = PrivacyTopics.emailHash(email);
        UUID bookingId = book(email);
        String preferencesUrl;
        try (TopicReader events = new TopicReader(brokers(), BookingTopics.BOOKING_EVENTS,
                BookingTopics.BOOKING_EVENTS_PARTITIONS)) {
            JsonNode booking = this.json.readTree(events.awaitRecords(bookingId.toString(), 1).get(0).value())
                .get("booking");
            preferencesUrl = booking.get("preferencesUrl").asString();
        }
        assertThat(preferencesUrl).startsWith("http://localhost:8081/preferences/" + hash + "?token=");
        String path = preferencesUrl.substring("http://localhost:8081".length());

        EntityExchangeResult<String> page = this.http.get().uri(path).exchange().expectStatus().isOk()
            .returnResult(String.class);
        assertThat(page.getResponseBody()).contains("Your emails", "A check-in a few days after the session")
            .contains("id=\"checkIn\" checked").doesNotContain(email);
        // the manage page links to it
        assertThat(this.http.get().uri(this.links.managePath(bookingId)).exchange().expectStatus().isOk()
            .returnResult(String.class).getResponseBody()).contains(path.replace("&", "&amp;"));

        save(path, page, "morningOf", "aftercare").expectStatus().isFound()
            .expectHeader().value(HttpHeaders.LOCATION, (location) -> assertThat(location).endsWith(path));
        save(path, page, "morningOf", "aftercare").expectStatus().isFound();
        assertThat(this.http.get().uri(path).exchange().expectStatus().isOk().returnResult(String.class)
            .getResponseBody()).contains("id=\"morningOf\" checked", "id=\"aftercare\" checked")
            .doesNotContain("id=\"checkIn\" checked");

        try (TopicReader changes = new TopicReader(brokers(), ClientTopics.PREFERENCES, ClientTopics.PARTITIONS)) {
            List<ConsumerRecord<String, String>> records = changes.awaitRecords(hash, 1);
            assertThat(TopicReader.header(records.get(0), CloudEventHeaders.TYPE))
                .isEqualTo(ClientTopics.PREFERENCES_CHANGED_TYPE);
            JsonNode changed = this.json.readTree(records.get(0).value());
            assertThat(changed.get("version").asLong()).isEqualTo(1);
            assertThat(changed.get("morningOf").asBoolean()).isTrue();
            assertThat(changed.get("checkIn").asBoolean()).isFalse();
            assertThat(records.get(0).value()).doesNotContain(email);
        }
        // the same choice again changed nothing, and published nothing
        assertThat(this.jdbc.sql("select count(*) from outbox_event where record_key = ?").param(hash)
            .query(Integer.class).single()).isEqualTo(1);

        // erased, once nothing is ahead: the choice goes too
        this.bookings.cancel(bookingId);
        this.erasure.request(email, "CLIENT");
        assertThat(this.jdbc.sql("select count(*) from client_preferences where email_hash = ?").param(hash)
            .query(Integer.class).single()).isZero();
    }

    @Test
    void aLinkItDidNotSignIsRefusedWithoutAWordAboutTheClient() {
        String hash = PrivacyTopics.emailHash("someone@example.com");
        String path = this.links.preferencesPath(hash);
        String otherToken = this.links.preferencesPath(PrivacyTopics.emailHash("other@example.com")).split("token=")[1];
        for (String refused : List.of("/preferences/" + hash + "?token=" + otherToken, "/preferences/" + hash,
                "/preferences/not-a-hash?token=x", "/preferences/" + hash + "?token="
                        + this.links.token(UUID.randomUUID()))) {
            this.http.get().uri(refused).exchange().expectStatus().isForbidden()
                .expectBody(String.class).value((body) -> assertThat(body).contains("This link is not valid"));
        }
        this.http.get().uri(path).exchange().expectStatus().isOk();
    }

    private RestTestClient.ResponseSpec save(String path, EntityExchangeResult<String> page, String... checked) {
        Matcher csrf = CSRF.matcher(page.getResponseBody());
        assertThat(csrf.find()).isTrue();
        String session = page.getResponseHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0];
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("_csrf", csrf.group(1));
        fields.add("token", path.substring(path.indexOf("token=") + 6));
        for (String box : checked) {
            fields.add(box, "true");
        }
        return this.http.post().uri(path.substring(0, path.indexOf('?'))).header(HttpHeaders.COOKIE, session)
            .accept(MediaType.TEXT_HTML).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(fields).exchange();
    }

    private UUID book(String email) {
        String response = this.http.post().uri("/api/bookings").contentType(MediaType.APPLICATION_JSON)
            .body(BookingApiIntegrationTests.request("Test Client", email, "Europe/London", "CST_60",
                    TestSlots.next(), false))
            .exchange()
            .expectStatus().isEqualTo(HttpStatus.CREATED)
            .expectBody(String.class).returnResult().getResponseBody();
        return UUID.fromString(response.substring(response.indexOf("\"id\":\"") + 6, response.indexOf("\"id\":\"") + 42));
    }

    private static String brokers() {
        return System.getProperty("spring.embedded.kafka.brokers");
    }

}
