package dev.stillpoint.notification.bounce;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.stillpoint.embedded.BounceReports;
import dev.stillpoint.embedded.KraftBroker;
import dev.stillpoint.embedded.TopicReader;
import dev.stillpoint.embedded.Waits;
import dev.stillpoint.events.mail.EmailBounced;
import dev.stillpoint.events.mail.MailTopics;
import dev.stillpoint.events.privacy.PrivacyTopics;
import dev.stillpoint.mail.BounceAddress;
import dev.stillpoint.notification.EmailParts;
import dev.stillpoint.notification.IntegrationTestBase;
import dev.stillpoint.notification.booking.BookingEventFixtures;
import dev.stillpoint.notification.mail.SessionTimes;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bounces come back and are acted on: delivery status notifications read from a real IMAP mailbox (GreenMail's) and
 * a provider's webhook feed one bounce log; a hard bounce of a confirmation reaches the practice with the booking; a
 * soft bounce counts but suppresses only at the limit; a complaint suppresses at once; each goes out on
 * {@value MailTopics#BOUNCES} for newsletter-service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "db-scheduler.polling-interval=200ms", "stillpoint.bounces.mailbox.poll-interval=1s",
                "stillpoint.bounces.webhook.secret=" + BounceIntegrationTests.SECRET,
                "stillpoint.staff.password=" + BounceIntegrationTests.SECRET, "stillpoint.ops.password=" + BounceIntegrationTests.SECRET })
class BounceIntegrationTests extends IntegrationTestBase {

    static final String SECRET = "test-webhook-secret";

    private static final String PRACTICE = "hello@stillpoint.example";

    private static final GreenMail imap = startImap();

    private static final GreenMailUser bounces = imap.setUser("bounces@stillpoint.example", "bounces", "secret");

    @Autowired
    JsonMapper json;

    @LocalServerPort
    int port;

    private static GreenMail startImap() {
        GreenMail server = new GreenMail(new ServerSetup(KraftBroker.freePort(), "127.0.0.1", "imap"));
        server.start();
        return server;
    }

    @DynamicPropertySource
    static void mailbox(DynamicPropertyRegistry registry) {
        registry.add("stillpoint.bounces.mailbox.host", () -> "127.0.0.1");
        registry.add("stillpoint.bounces.mailbox.port", () -> imap.getImap().getPort());
        registry.add("stillpoint.bounces.mailbox.protocol", () -> "imap");
        registry.add("stillpoint.bounces.mailbox.username", () -> "bounces");
        registry.add("stillpoint.bounces.mailbox.password", () -> "secret");
    }

    @AfterAll
    static void stopImap() {
        imap.stop();
    }

    @Test
    void aHardBounceOfAConfirmationReachesThePracticeWithTheBooking() throws Exception {
        String client = "gone-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        UUID bookingId = UUID.randomUUID();
        // a session ten days ahead, on the hour: its chain of care is planned
        java.time.Instant start = java.time.Instant.now().plus(java.time.Duration.ofDays(10))
            .truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        events.publish(new dev.stillpoint.events.booking.BookingConfirmed(UUID.randomUUID(), bookingId, 1,
                java.time.Instant.now(), BookingEventFixtures.details(bookingId, client, "Europe/London", start,
                        "CONFIRMED"), false));
        MimeMessage confirmation = awaitEmails(client, 1).get(0);
        // every email leaves from its own bounce address, as an automated email that asks for replies to the practice
        String returnPath = confirmation.getHeader("Return-Path", null);
        String token = BounceAddress.token(confirmation.getMessageID());
        assertThat(returnPath).isEqualTo("<bounces+" + token + "@stillpoint.example>");
        assertThat(confirmation.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(confirmation.getHeader("Reply-To", null)).isEqualTo("Stillpoint CranioSacral Therapy <" + PRACTICE + ">");

        // a person's reply is no report: it is left in the mailbox, read, for a person
        MimeMessage reply = new MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()));
        reply.setFrom(client);
        reply.setSubject("Re: Your session is booked");
        reply.setText("Thank you, see you then!");
        reply.saveChanges();
        bounces.deliver(reply);
        // a server still trying is no bounce
        bounces.deliver(BounceReports.deliveryStatus(strip(returnPath), client, "delayed", "4.4.1",
                "connect to mx.example.com: Connection timed out", confirmation.getMessageID()));
        bounces.deliver(BounceReports.deliveryStatus(strip(returnPath), client, "failed", "5.1.1",
                "550 5.1.1 <" + client + ">: Recipient address rejected: User unknown", confirmation.getMessageID()));

        MimeMessage alert = awaitEmails(PRACTICE, client, 1);
        assertThat(alert.getSubject()).startsWith("An email to Ada Lovelace bounced: please call");
        assertThat(EmailParts.text(alert)).contains(client, SessionTimes.of(start, start.plusSeconds(3600),
                java.time.ZoneId.of("Europe/London")).date(), "Their mail server said: 5.1.1 smtp; 550 5.1.1",
                "User unknown");
        // the rest of the chain would bounce too: cancelled, saying why
        assertThat(this.jdbc.sql("select count(*) from notification where booking_id = ? and status = 'CANCELLED' "
                + "and reason = 'the client''s address bounced'").param(bookingId).query(Integer.class).single())
            .isPositive();
        assertThat(this.jdbc.sql("select count(*) from notification where booking_id = ? and status = 'SCHEDULED'")
            .param(bookingId).query(Integer.class).single()).isZero();
        assertThat(this.jdbc.sql("select bounce from notification where booking_id = ? and kind = 'BOOKING_CONFIRMED'")
            .param(bookingId).query(String.class).single()).startsWith("HARD 5.1.1: smtp; 550 5.1.1");
        // both reports were read and taken out of the mailbox; the reply is left there, read
        await().atMost(Waits.STEP).until(() -> mailbox().size() == 1);
        assertThat(mailbox().get(0).getFlags().contains(jakarta.mail.Flags.Flag.SEEN)).isTrue();
        assertThat(mailbox().get(0).getMimeMessage().getSubject()).isEqualTo("Re: Your session is booked");
        assertThat(this.jdbc.sql("select count(*) from bounce where email_hash = ?").param(PrivacyTopics.emailHash(client))
            .query(Integer.class).single()).isEqualTo(1);
        // the booking's timeline and the ops delivery log show it, with the diagnostic code
        assertThat(get("/api/bookings/" + bookingId + "/notifications", "staff")).contains("\"bounce\":\"HARD 5.1.1: smtp; 550 5.1.1");
        assertThat(get("/ops/deliveries?q=" + bookingId, "ops")).contains("Came back: HARD 5.1.1",
                "Bounces and complaints", "Recipient address rejected");

        EmailBounced published = published(client, 1).get(0);
        assertThat(published.kind()).isEqualTo(EmailBounced.Kind.HARD);
        assertThat(published.token()).isEqualTo(token);
        assertThat(published.status()).isEqualTo("5.1.1");
        assertThat(published.source()).isEqualTo(EmailBounced.Source.MAILBOX);
        assertThat(published.suppress()).isTrue();
    }

    @Test
    void softBouncesCountButSuppressOnlyAtTheLimit() throws Exception {
        String client = "full-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String newsletter = "<" + UUID.randomUUID() + "." + UUID.randomUUID() + "@stillpoint.example>";
        String returnPath = BounceAddress.of("bounces@stillpoint.example").forMessage(newsletter);
        for (int i = 0; i < 2; i++) {
            bounces.deliver(BounceReports.deliveryStatus(returnPath, client, "failed", "4.2.2",
                    "452 4.2.2 Mailbox full", newsletter));
        }
        assertThat(published(client, 2)).extracting(EmailBounced::kind, EmailBounced::suppress)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(EmailBounced.Kind.SOFT, false),
                    org.assertj.core.groups.Tuple.tuple(EmailBounced.Kind.SOFT, false));

        // the third in a row, from the provider's webhook this time, makes the limit
        HttpResponse<String> third = post(SECRET, """
                {"events": [{"id": "%s", "type": "bounce", "bounceType": "soft", "email": "%s", "returnPath": "%s",
                  "status": "4.2.2", "diagnostic": "452 4.2.2 Mailbox full"}]}""".formatted(UUID.randomUUID(), client,
                returnPath));
        assertThat(third.statusCode()).isEqualTo(200);
        assertThat(third.body()).contains("\"recorded\":1");
        List<EmailBounced> all = published(client, 3);
        assertThat(all.get(2).suppress()).isTrue();
        assertThat(all.get(2).token()).isEqualTo(BounceAddress.token(newsletter));
        // not one of this service's emails: no alert, only the log and the event
        assertThat(this.jdbc.sql("select count(*) from bounce where email_hash = ? and notification_id is null")
            .param(PrivacyTopics.emailHash(client)).query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void aComplaintFromAFeedbackLoopSuppressesAtOnce() throws Exception {
        String client = "loop-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String messageId = "<" + UUID.randomUUID() + "@stillpoint.example>";
        bounces.deliver(BounceReports.complaint(BounceAddress.of("bounces@stillpoint.example").forMessage(messageId),
                client, messageId));
        EmailBounced published = published(client, 1).get(0);
        assertThat(published.kind()).isEqualTo(EmailBounced.Kind.COMPLAINT);
        assertThat(published.source()).isEqualTo(EmailBounced.Source.MAILBOX);
        assertThat(published.token()).isEqualTo(BounceAddress.token(messageId));
        assertThat(published.suppress()).isTrue();
    }

    @Test
    void aComplaintFromTheWebhookSuppressesAtOnceAndTheWebhookRefusesStrangers() throws Exception {
        String client = "spam-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String id = UUID.randomUUID().toString();
        String complaint = """
                {"events": [{"id": "%s", "type": "complaint", "email": "%s", "messageId": "<x@stillpoint.example>"}]}"""
            .formatted(id, client);
        assertThat(post("wrong", complaint).statusCode()).isEqualTo(401);
        // a malformed post's 400s, and the webhook's 404 while no secret is set: BounceWebhookTests (a web slice)
        assertThat(post(SECRET, "{\"events\": [{\"id\": \"" + UUID.randomUUID() + "\", \"type\": \"bounce\", \"bounceType\": \"hard\"}]}")
            .statusCode()).isEqualTo(422);

        assertThat(post(SECRET, complaint).body()).contains("\"recorded\":1");
        assertThat(post(SECRET, complaint).body()).contains("\"recorded\":0", "\"duplicates\":1");
        EmailBounced published = published(client, 1).get(0);
        assertThat(published.kind()).isEqualTo(EmailBounced.Kind.COMPLAINT);
        assertThat(published.source()).isEqualTo(EmailBounced.Source.WEBHOOK);
        assertThat(published.suppress()).isTrue();
    }

    private static List<com.icegreen.greenmail.store.StoredMessage> mailbox() throws Exception {
        return imap.getManagers().getImapHostManager().getInbox(bounces).getMessages();
    }

    /** The emails to {@code address} that mention {@code about}: exactly {@code count} of them. */
    private MimeMessage awaitEmails(String address, String about, int count) {
        await().atMost(Waits.STEP).until(() -> mentioning(address, about).size() >= count);
        List<MimeMessage> found = mentioning(address, about);
        assertThat(found).hasSize(count);
        return found.get(0);
    }

    private List<MimeMessage> mentioning(String address, String about) {
        return awaitEmailsNow(address).stream().filter((message) -> {
            try {
                return EmailParts.text(message).contains(about);
            }
            catch (Exception ex) {
                return false;
            }
        }).toList();
    }

    private static List<MimeMessage> awaitEmailsNow(String address) {
        return java.util.Arrays.stream(smtp.getReceivedMessages()).filter((message) -> {
            try {
                return java.util.Arrays.stream(message.getAllRecipients()).anyMatch((to) -> to.toString().contains(address));
            }
            catch (Exception ex) {
                return false;
            }
        }).toList();
    }

    private List<EmailBounced> published(String client, int count) {
        try (TopicReader topic = new TopicReader(brokers(), MailTopics.BOUNCES, MailTopics.PARTITIONS)) {
            return topic.awaitRecords(PrivacyTopics.emailHash(client), count).stream().map(ConsumerRecord::value)
                .map((value) -> this.json.readValue(value, EmailBounced.class)).toList();
        }
    }

    private HttpResponse<String> post(String secret, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port
                + BounceWebhook.PATH)).header("Authorization", "Bearer " + secret)
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String get(String path, String user) throws Exception {
        String basic = java.util.Base64.getEncoder().encodeToString((user + ":" + SECRET).getBytes());
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + this.port + path)).header("Authorization", "Basic " + basic).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static String strip(String returnPath) {
        return returnPath.substring(1, returnPath.length() - 1);
    }

}
