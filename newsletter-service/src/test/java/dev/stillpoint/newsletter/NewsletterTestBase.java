package dev.stillpoint.newsletter;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.stillpoint.embedded.KraftBroker;
import dev.stillpoint.embedded.ReceivedEmails;
import dev.stillpoint.embedded.TestPostgres;
import dev.stillpoint.embedded.Waits;
import dev.stillpoint.events.CloudEventHeaders;
import dev.stillpoint.events.booking.BookingConfirmed;
import dev.stillpoint.events.booking.BookingDetails;
import dev.stillpoint.events.booking.BookingEventType;
import dev.stillpoint.events.booking.BookingTopics;
import dev.stillpoint.newsletter.campaign.Publishing;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.awaitility.Awaitility.await;

/**
 * newsletter-service against a real PostgreSQL, the run's embedded Kafka broker and a GreenMail SMTP server. Each test
 * class gets its own context, closed after it, so that only one member of each consumer group reads the topics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "stillpoint.staff.password=" + NewsletterTestBase.PASSWORD, "stillpoint.newsletter.token-secret=test",
        "stillpoint.newsletter.rate-per-second=5000", "db-scheduler.polling-interval=200ms",
        "stillpoint.newsletter.max-attempts=" + NewsletterTestBase.MAX_ATTEMPTS, "stillpoint.newsletter.retry-delay=200ms",
        NewsletterTestBase.LOOPBACK_UNLIMITED })
@AutoConfigureRestTestClient
@DirtiesContext
public abstract class NewsletterTestBase {

    protected static final String PASSWORD = "newsletter-staff";

    /**
     * The tests' own requests come from loopback and are not limited; a test of the limits comes from elsewhere, as
     * the proxy in front would say (X-Forwarded-For, trusted from loopback).
     */
    protected static final String LOOPBACK_UNLIMITED = "stillpoint.rate-limit.unlimited-addresses=127.0.0.1,::1";

    /** A recipient refused for the moment is given up after this many attempts. */
    protected static final int MAX_ATTEMPTS = 3;

    protected static final int SMTP_PORT = KraftBroker.freePort();

    @RegisterExtension
    protected static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    @Autowired
    protected RestTestClient http;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected JsonMapper json;

    @Autowired
    protected KafkaTemplate<String, String> kafka;

    @Autowired
    protected Publishing publishing;

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    protected static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestPostgres.jdbcUrl("newsletter_delivery"));
        registry.add("spring.datasource.username", TestPostgres::username);
        registry.add("spring.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    /**
     * Each test starts from an empty list: no subscriber, issue or queued email of an earlier test (of this class or
     * another on the same database) can receive or delay this test's issue.
     */
    @BeforeEach
    protected void startFromAnEmptyList() {
        leaveNothingRunning();
        this.jdbc.sql("delete from delivery").update();
        this.jdbc.sql("delete from subscriber").update();
        this.jdbc.sql("delete from newsletter_issue").update();
    }

    /**
     * No test leaves work running for the next: every issue still sending is waited for (each send reaches only the
     * test's own subscribers, so this is short), a paused one is cancelled once no email of it is in flight, a scheduled
     * one is cancelled, and every confirmation email that is due has gone.
     */
    @AfterEach
    protected void leaveNothingRunning() {
        List<UUID> sending = this.jdbc.sql("select id from newsletter_issue where status = 'SENDING'").query(UUID.class)
            .list();
        int queued = count("select count(*) from delivery where status = 'QUEUED'");
        await("issues " + sending + " finish sending").atMost(Waits.emails(queued))
            .until(() -> count("select count(*) from newsletter_issue where status = 'SENDING'") == 0);
        await("no email of a paused issue is in flight").atMost(Waits.STEP)
            .until(() -> count("select count(*) from delivery where claimed_until > now() and status = 'QUEUED'") == 0);
        for (UUID unfinished : this.jdbc.sql("select id from newsletter_issue where status in ('PAUSED', 'SCHEDULED')")
            .query(UUID.class).list()) {
            this.publishing.cancel(unfinished);
        }
        await("due confirmation emails are sent").atMost(Waits.STEP).until(this::noConfirmationDue);
    }

    /**
     * Waits for exactly {@code count} subscription confirmations to {@code address}: once that many arrived and none is
     * due to be sent any more, a late copy would fail the test.
     */
    protected List<MimeMessage> awaitConfirmations(String address, int count) {
        return ReceivedEmails.waitForExactly(smtp, address, count, this::noConfirmationDue);
    }

    private boolean noConfirmationDue() {
        return count("select count(*) from scheduled_tasks where task_name = 'newsletter-confirmation' "
                + "and execution_time <= now()") == 0;
    }

    protected List<UUID> insertSubscribers(String run, String status, int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            this.jdbc.sql("insert into subscriber (id, email, name, status, source, created_at, updated_at) "
                    + "values (?, ?, ?, ?, 'IMPORT', now(), now())")
                .params(id, email(run, status.toLowerCase(), i), "Subscriber " + i, status).update();
        }
        return ids;
    }

    protected static String email(String run, String status, int i) {
        return "n" + run + "-" + status + "-" + i + "@example.com";
    }

    protected static String run() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    protected String writeIssue(String title, String markdown) {
        String body = this.http.post().uri("/api/newsletter/issues").headers(this::staff)
            .contentType(MediaType.APPLICATION_JSON)
            .body(this.json.writeValueAsString(Map.of("title", title, "markdown", markdown))).exchange()
            .expectStatus().isCreated()
            .expectBody(String.class).returnResult().getResponseBody();
        return this.json.readTree(body).get("id").asString();
    }

    protected JsonNode issue(String id) {
        return this.json.readTree(this.http.get().uri("/api/newsletter/issues/{id}", id).headers(this::staff).exchange()
            .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    }

    /** Every email received with exactly this subject. */
    protected static List<MimeMessage> received(String subject) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (subject.equals(message.getSubject())) {
                found.add(message);
            }
        }
        return found;
    }

    protected static String recipient(MimeMessage message) {
        try {
            return ((InternetAddress) message.getAllRecipients()[0]).getAddress();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    protected void staff(HttpHeaders headers) {
        headers.setBasicAuth("staff", PASSWORD);
    }

    protected String status(String email) {
        return this.jdbc.sql("select status from subscriber where email = ?").param(email).query(String.class).single();
    }

    protected int count(String sql) {
        return this.jdbc.sql(sql).query(Integer.class).single();
    }

    /** A confirmed booking of a week ahead, as booking-service publishes it, with or without the newsletter ticked. */
    protected void publishBooking(String key, String email, boolean newsletter) throws Exception {
        Instant start = Instant.now().plus(java.time.Duration.ofDays(7));
        BookingConfirmed event = new BookingConfirmed(UUID.randomUUID(), UUID.randomUUID(), 1, Instant.now(),
                new BookingDetails(new BookingDetails.Client("Client", email, "Europe/London"), "CST_60", 60, 45, start,
                        start.plusSeconds(3600), "CONFIRMED", newsletter, URI.create("http://localhost:8081/")), false);
        ProducerRecord<String, String> record = new ProducerRecord<>(BookingTopics.BOOKING_EVENTS, key,
                this.json.writeValueAsString(event));
        record.headers().add(CloudEventHeaders.TYPE, BookingEventType.CONFIRMED.ceType().getBytes(StandardCharsets.UTF_8));
        this.kafka.send(record).get();
    }

}
