package dev.stillpoint.systemtests;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import dev.stillpoint.embedded.BounceReports;
import dev.stillpoint.embedded.ReceivedEmails;
import dev.stillpoint.embedded.Waits;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Mail that came back, across the services: a delivery status notification in the bounce mailbox (GreenMail's IMAP)
 * for a newsletter recipient, read by notification-service, takes the address off newsletter-service's list so that
 * the next issue skips it; a provider's complaint posted to notification-service's webhook unsubscribes.
 */
final class BounceJourney {

    static final String WEBHOOK_SECRET = "system-test-webhook-secret";

    private static final JsonMapper json = JsonMapper.builder().build();

    private final ServiceProcess newsletter;

    private final ServiceProcess notification;

    private final GreenMail mail;

    private final GreenMailUser bounces;

    private final NotificationLedger ledger;

    private final String staff;

    BounceJourney(ServiceProcess newsletter, ServiceProcess notification, GreenMail mail, GreenMailUser bounces,
            NotificationLedger ledger, String staffPassword) {
        this.newsletter = newsletter;
        this.notification = notification;
        this.mail = mail;
        this.bounces = bounces;
        this.ledger = ledger;
        this.staff = "Basic " + Base64.getEncoder().encodeToString(("staff:" + staffPassword).getBytes(StandardCharsets.UTF_8));
    }

    void run() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String gone = "gone-" + run + "@example.com";
        String spam = "spam-" + run + "@example.com";
        String fine = "fine-" + run + "@example.com";
        importConfirmed(gone + "\n" + spam + "\n" + fine + "\n");

        String spring = "Spring " + run;
        publish(spring);
        MimeMessage toGone = await().atMost(Waits.STEP).until(() -> first(spring, gone), java.util.Objects::nonNull);
        MimeMessage toSpam = await().atMost(Waits.STEP).until(() -> first(spring, spam), java.util.Objects::nonNull);
        String returnPath = toGone.getHeader("Return-Path", null);
        assertThat(returnPath).matches("<bounces\\+[0-9a-f]{24}@stillpoint\\.example>");
        assertThat(toGone.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");

        this.bounces.deliver(BounceReports.deliveryStatus(returnPath.substring(1, returnPath.length() - 1), gone,
                "failed", "5.1.1", "550 5.1.1 <" + gone + ">: Recipient address rejected: User unknown",
                toGone.getMessageID()));
        HttpResponse<String> complaint = this.notification.post("/webhooks/bounces", """
                {"events": [{"id": "%s", "type": "complaint", "email": "%s", "messageId": "%s"}]}"""
            .formatted(UUID.randomUUID(), spam, toSpam.getMessageID()), "Authorization", "Bearer " + WEBHOOK_SECRET);
        assertThat(complaint.statusCode()).as(complaint.body()).isEqualTo(200);

        await("the bounce and the complaint reach the list").atMost(Waits.STEP)
            .until(() -> this.ledger.count("select count(*) from newsletter.subscriber where email = ? "
                    + "and status = 'BOUNCED'", gone) == 1
                    && this.ledger.count("select count(*) from newsletter.subscriber where email = ? "
                            + "and status = 'UNSUBSCRIBED'", spam) == 1);

        String summer = "Summer " + run;
        publish(summer);
        await().atMost(Waits.STEP).until(() -> first(summer, fine) != null);
        await("the summer issue is finished").atMost(Waits.STEP).until(() -> this.ledger.count(
                "select count(*) from newsletter.newsletter_issue where title = ? and status = 'SENT'", summer) == 1);
        assertThat(first(summer, gone)).isNull();
        assertThat(first(summer, spam)).isNull();
    }

    private void importConfirmed(String csv) throws Exception {
        HttpResponse<String> response = this.newsletter.postText("/api/newsletter/subscribers?consented=true", csv,
                "text/csv", "Authorization", this.staff);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("added").asInt()).isEqualTo(3);
    }

    private void publish(String title) throws Exception {
        HttpResponse<String> written = this.newsletter.post("/api/newsletter/issues",
                json.writeValueAsString(java.util.Map.of("title", title, "markdown", "# " + title + "\n\nNews.")),
                "Authorization", this.staff);
        assertThat(written.statusCode()).as(written.body()).isEqualTo(201);
        String id = json.readTree(written.body()).get("id").asString();
        assertThat(this.newsletter.post("/api/newsletter/issues/" + id + "/publish", null, "Authorization", this.staff)
            .statusCode()).isEqualTo(202);
    }

    private MimeMessage first(String subject, String address) {
        List<MimeMessage> found = ReceivedEmails.to(this.mail, address).stream().filter((message) -> {
            try {
                return subject.equals(message.getSubject());
            }
            catch (Exception ex) {
                return false;
            }
        }).toList();
        return found.isEmpty() ? null : found.get(0);
    }

}
