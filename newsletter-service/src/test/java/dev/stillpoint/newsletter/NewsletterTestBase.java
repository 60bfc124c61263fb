package dev.stillpoint.newsletter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.stillpoint.embedded.KraftBroker;
import dev.stillpoint.embedded.TestPostgres;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
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
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * newsletter-service against a real PostgreSQL, the run's embedded Kafka broker and a GreenMail SMTP server. Each test
 * class gets its own context, closed after it, so that only one member of each consumer group reads the topics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "stillpoint.staff.password=" + NewsletterTestBase.PASSWORD, "stillpoint.newsletter.token-secret=test",
        "stillpoint.newsletter.rate-per-second=5000", "db-scheduler.polling-interval=200ms" })
@AutoConfigureRestTestClient
@DirtiesContext
abstract class NewsletterTestBase {

    static final String PASSWORD = "newsletter-staff";

    static final int SMTP_PORT = KraftBroker.freePort();

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestPostgres.jdbcUrl("newsletter_delivery"));
        registry.add("spring.datasource.username", TestPostgres::username);
        registry.add("spring.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    List<UUID> insertSubscribers(String run, String status, int count) {
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

    static String email(String run, String status, int i) {
        return "n" + run + "-" + status + "-" + i + "@example.com";
    }

    static String run() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    String writeIssue(String title, String markdown) {
        String body = this.http.post().uri("/api/newsletter/issues").headers(this::staff)
            .contentType(MediaType.APPLICATION_JSON)
            .body(this.json.writeValueAsString(Map.of("title", title, "markdown", markdown))).exchange()
            .expectStatus().isCreated()
            .expectBody(String.class).returnResult().getResponseBody();
        return this.json.readTree(body).get("id").asString();
    }

    JsonNode issue(String id) {
        return this.json.readTree(this.http.get().uri("/api/newsletter/issues/{id}", id).headers(this::staff).exchange()
            .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    }

    /** Every email received with exactly this subject. */
    static List<MimeMessage> received(String subject) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (subject.equals(message.getSubject())) {
                found.add(message);
            }
        }
        return found;
    }

    static String recipient(MimeMessage message) {
        try {
            return ((InternetAddress) message.getAllRecipients()[0]).getAddress();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    void staff(HttpHeaders headers) {
        headers.setBasicAuth("staff", PASSWORD);
    }

    String status(String email) {
        return this.jdbc.sql("select status from subscriber where email = ?").param(email).query(String.class).single();
    }

    int count(String sql) {
        return this.jdbc.sql(sql).query(Integer.class).single();
    }

}
