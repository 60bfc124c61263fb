package dev.stillpoint.booking.privacy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import dev.stillpoint.booking.IntegrationTestBase;
import dev.stillpoint.booking.appointment.BookingApiIntegrationTests;
import dev.stillpoint.booking.appointment.ManageLinks;
import dev.stillpoint.booking.appointment.TestSlots;
import dev.stillpoint.embedded.TopicReader;
import dev.stillpoint.embedded.Waits;
import dev.stillpoint.events.CloudEventHeaders;
import dev.stillpoint.events.DeadLetterTopics;
import dev.stillpoint.events.privacy.ClientErasureCompleted;
import dev.stillpoint.events.privacy.PrivacyTopics;
import dev.stillpoint.support.retention.RetentionJobs;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Erasing a client: booking-service anonymises the bookings and asks every service, by a versioned event that carries
 * only the address's hash, to do the same; their reports make the request complete. And what is kept only a while.
 */
class ClientErasureIntegrationTests extends IntegrationTestBase {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    RetentionJobs retention;

    @Test
    void staffEraseAClientOnceTheirSessionsAreCancelledAndEveryServiceReportsBack() {
        String email = "erase-me-" + UUID.randomUUID() + "@example.com";
        String booked = this.http.post().uri("/api/bookings").contentType(MediaType.APPLICATION_JSON)
            .body(BookingApiIntegrationTests.request("Erin Erased", email, "Europe/London", "CST_60", TestSlots.next(),
                    false))
            .exchange().expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();

        erase(email).expectStatus().isEqualTo(HttpStatus.CONFLICT)
            .expectBody().jsonPath("$.detail").value((detail) -> assertThat((String) detail).contains("Cancel them first"));
        this.http.post().uri("/api/bookings/{id}/cancel", JsonPath.<String>read(booked, "$.id"))
            .header(ManageLinks.TOKEN_HEADER, JsonPath.<String>read(booked, "$.manageToken")).exchange()
            .expectStatus().isOk();

        String status = erase(email.toUpperCase()).expectStatus().isAccepted().expectBody(String.class).returnResult()
            .getResponseBody();
        String erasureId = JsonPath.read(status, "$.id");
        assertThat(JsonPath.<Boolean>read(status, "$.complete")).isFalse();
        assertThat(this.jdbc.sql("select client_name || ' ' || client_email || ' ' || coalesce(screen_aneurysm::text, "
                + "'no answers') from booking where id = ?::uuid").param(JsonPath.<String>read(booked, "$.id"))
            .query(String.class).single()).startsWith("Erased client erased-").endsWith("@erased.invalid no answers")
            .doesNotContain(email);

        try (TopicReader requests = new TopicReader(brokers(), PrivacyTopics.ERASURE_REQUESTS, PrivacyTopics.PARTITIONS)) {
            ConsumerRecord<String, String> request = requests.awaitRecords(erasureId, 1).get(0);
            assertThat(TopicReader.header(request, CloudEventHeaders.TYPE)).isEqualTo(PrivacyTopics.REQUESTED_TYPE);
            assertThat(request.value()).contains(PrivacyTopics.emailHash(email), "\"requestedBy\":\"STAFF\"")
                .doesNotContain(email);
        }

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers()), new StringSerializer(), new StringSerializer())) {
            for (String service : new String[] { "notification-service", "newsletter-service", "newsletter-service" }) {
                ClientErasureCompleted report = new ClientErasureCompleted(UUID.randomUUID(),
                        UUID.fromString(erasureId), service, 2, Instant.now());
                producer.send(new ProducerRecord<>(PrivacyTopics.ERASURE_REPORTS, erasureId,
                        this.json.writeValueAsString(report)));
            }
        }
        await("every service reports").atMost(Waits.STEP).untilAsserted(() -> this.http.get()
            .uri("/api/staff/client-erasures/{id}", erasureId).headers((headers) -> headers.setBasicAuth(STAFF_USER,
                    STAFF_PASSWORD))
            .exchange().expectStatus().isOk()
            .expectBody().jsonPath("$.complete").isEqualTo(true)
            .jsonPath("$.reports.length()").isEqualTo(3));
        // only staff see or ask
        this.http.get().uri("/api/staff/client-erasures/{id}", erasureId).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aReportThatCannotBeReadIsDeadLetteredAsItCame() {
        String garbled = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(PrivacyTopics.ERASURE_REPORTS, garbled, "{not a report"));
        }
        try (TopicReader deadLetters = new TopicReader(brokers(), DeadLetterTopics.of(PrivacyTopics.ERASURE_REPORTS),
                PrivacyTopics.PARTITIONS)) {
            assertThat(deadLetters.awaitRecords(garbled, 1).get(0).value()).isEqualTo("{not a report");
        }
    }

    @Test
    void aClientAsksFromTheirManagePageOnceNothingIsAhead() {
        String email = "self-erase-" + UUID.randomUUID() + "@example.com";
        String booked = this.http.post().uri("/api/bookings").contentType(MediaType.APPLICATION_JSON)
            .body(BookingApiIntegrationTests.request("Sam Self", email, "Europe/London", "CST_60", TestSlots.next(), false))
            .exchange().expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
        String id = JsonPath.read(booked, "$.id");
        String token = JsonPath.read(booked, "$.manageToken");

        var page = this.http.get().uri("/bookings/{id}/manage?token={token}", id, token).exchange()
            .expectStatus().isOk().returnResult(String.class);
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
            .matcher(page.getResponseBody());
        assertThat(csrf.find()).isTrue();
        assertThat(page.getResponseBody()).contains("Erase my data");
        String session = page.getResponseHeaders().getFirst("Set-Cookie").split(";")[0];
        // a session still ahead: refused, with the reason on the page
        this.http.post().uri("/bookings/{id}/manage/erase", id).header("Cookie", session)
            .contentType(MediaType.APPLICATION_FORM_URLENCODED).body("token=" + token + "&_csrf=" + csrf.group(1))
            .exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT)
            .expectBody(String.class).value((body) -> assertThat(body).contains("Cancel them first"));

        this.http.post().uri("/api/bookings/{id}/cancel", id).header(ManageLinks.TOKEN_HEADER, token).exchange()
            .expectStatus().isOk();
        this.http.post().uri("/bookings/{id}/manage/erase", id).header("Cookie", session)
            .contentType(MediaType.APPLICATION_FORM_URLENCODED).body("token=" + token + "&_csrf=" + csrf.group(1))
            .exchange().expectStatus().isOk()
            .expectBody(String.class).value((body) -> assertThat(body).contains("Your data is being erased"));
        assertThat(this.jdbc.sql("select count(*) from booking where client_email = ?").param(email)
            .query(Integer.class).single()).isZero();
        assertThat(this.jdbc.sql("select requested_by from client_erasure where email_hash = ?")
            .param(PrivacyTopics.emailHash(email)).query(String.class).single()).isEqualTo("CLIENT");
    }

    @Test
    void publishedOutboxEventsGoAfterAWeekAndScreeningAnswersAMonthAfterTheSession() {
        UUID old = UUID.randomUUID();
        this.jdbc.sql("insert into outbox_event (event_id, topic, record_key, event_type, source, payload, occurred_at, "
                + "published_at) values (?, 'booking.events', 'k', 't', 's', '{}', now() - interval '9 days', "
                + "now() - interval '8 days')").param(old).update();
        UUID recent = UUID.randomUUID();
        this.jdbc.sql("insert into outbox_event (event_id, topic, record_key, event_type, source, payload, occurred_at, "
                + "published_at) values (?, 'booking.events', 'k', 't', 's', '{}', now(), now())").param(recent).update();
        UUID past = UUID.randomUUID();
        Instant start = Instant.now().minus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        this.jdbc.sql("""
                insert into booking (id, client_name, client_email, client_time_zone, session_type, starts_at, ends_at,
                    status, newsletter_opt_in, screen_aneurysm, screen_cerebral_hemorrhage, screen_bleeding_disorder,
                    screen_intracranial_pressure, version, created_at, updated_at)
                values (?, 'Past Client', 'past@example.com', 'Europe/London', 'CST_60', ?, ?, 'CONFIRMED', false,
                    true, false, false, false, 1, now(), now())""")
            .params(past, java.sql.Timestamp.from(start), java.sql.Timestamp.from(start.plusSeconds(3600))).update();

        Map<String, Integer> touched = this.retention.run();

        assertThat(touched).containsKeys("outbox", "screening");
        assertThat(this.jdbc.sql("select count(*) from outbox_event where event_id in (?, ?)").params(old, recent)
            .query(Integer.class).single()).isOne();
        assertThat(this.jdbc.sql("select screen_aneurysm from booking where id = ?").param(past).query(Boolean.class)
            .optional()).isEmpty();
    }

    private RestTestClient.ResponseSpec erase(String email) {
        return this.http.post().uri("/api/staff/client-erasures")
            .headers((headers) -> headers.setBasicAuth(STAFF_USER, STAFF_PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).body("{\"email\": \"" + email + "\"}").exchange();
    }

    private static String brokers() {
        return System.getProperty("spring.embedded.kafka.brokers");
    }

}
