package dev.stillpoint.systemtests;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.stillpoint.embedded.TestPostgres;
import dev.stillpoint.embedded.Waits;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * newsletter-service killed ({@code destroyForcibly}) in the middle of sending an issue to 2,000 subscribers, then
 * started again: every confirmed subscriber ends with the issue, and an email the dead instance may have handed to
 * the SMTP server just before it died comes again only with the same Message-ID.
 */
class NewsletterCrashIntegrationTests {

    private static final int SUBSCRIBERS = 2000;

    private static final String STAFF = "Basic " + Base64.getEncoder()
        .encodeToString("staff:crash-test".getBytes(StandardCharsets.UTF_8));

    private static PackagedServices services;

    @BeforeAll
    static void startInfrastructure() {
        services = PackagedServices.start("newsletter_crash", false)
            .with(Map.of("STILLPOINT_STAFF_PASSWORD", "crash-test", "STILLPOINT_NEWSLETTER_TOKEN_SECRET", "crash-test",
                    // slow enough to be killed in the middle: about 8 s for the whole list
                    "STILLPOINT_NEWSLETTER_RATE_PER_SECOND", "250"));
    }

    @AfterAll
    static void stopInfrastructure() throws Exception {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void killedMidSendItResumesAndEverySubscriberGetsTheIssueOnce() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        ServiceProcess first = services.launch("newsletter-service");
        first.awaitReady();
        insertConfirmedSubscribers();
        String issue = json.readTree(first.post("/api/newsletter/issues",
                "{\"title\": \"Crash-proof\", \"markdown\": \"Sent once, whatever happens.\"}", "Authorization", STAFF)
            .body()).get("id").asString();
        assertThat(first.post("/api/newsletter/issues/" + issue + "/publish", null, "Authorization", STAFF).statusCode())
            .isEqualTo(202);

        await().atMost(Waits.emails(SUBSCRIBERS / 4)).until(() -> sent() >= SUBSCRIBERS / 4);
        first.kill();
        int sentBeforeTheCrash = sent();
        assertThat(sentBeforeTheCrash).isLessThan(SUBSCRIBERS);

        services.launch("newsletter-service").awaitReady();
        await().atMost(Waits.emails(SUBSCRIBERS)).until(() -> "SENT".equals(issueStatus(issue)));

        Map<String, String> recipientByMessageId = new HashMap<>();
        Set<String> recipients = new HashSet<>();
        int copies = 0;
        for (MimeMessage message : services.smtp().getReceivedMessages()) {
            String recipient = ((InternetAddress) message.getAllRecipients()[0]).getAddress();
            String previous = recipientByMessageId.put(message.getMessageID(), recipient);
            assertThat(previous).as("a Message-ID is one recipient's").isIn(null, recipient);
            copies += (previous != null) ? 1 : 0;
            recipients.add(recipient);
        }
        assertThat(recipients).hasSize(SUBSCRIBERS);
        assertThat(recipientByMessageId).hasSize(SUBSCRIBERS);
        System.out.printf("Killed after %d of %d were sent; %d resent copies with their original Message-ID%n",
                sentBeforeTheCrash, SUBSCRIBERS, copies);
    }

    private static void insertConfirmedSubscribers() throws SQLException {
        try (Connection connection = connect();
                PreparedStatement insert = connection.prepareStatement("insert into newsletter.subscriber (id, email, "
                        + "name, status, source, created_at, updated_at) values (?, ?, ?, 'CONFIRMED', 'IMPORT', now(), now())")) {
            for (int i = 0; i < SUBSCRIBERS; i++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, "reader-" + i + "@example.com");
                insert.setString(3, "Reader " + i);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static int sent() throws SQLException {
        try (Connection connection = connect(); ResultSet rs = connection.createStatement()
            .executeQuery("select count(*) from newsletter.delivery where status = 'SENT'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String issueStatus(String issue) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement query = connection.prepareStatement("select status from newsletter.newsletter_issue where id = ?")) {
            query.setObject(1, UUID.fromString(issue));
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(TestPostgres.jdbcUrl("newsletter_crash"), TestPostgres.username(), "");
    }

}
