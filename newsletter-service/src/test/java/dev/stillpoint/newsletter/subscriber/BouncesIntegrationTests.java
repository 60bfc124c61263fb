package dev.stillpoint.newsletter.subscriber;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.stillpoint.embedded.ReceivedEmails;
import dev.stillpoint.embedded.Waits;
import dev.stillpoint.events.mail.EmailBounced;
import dev.stillpoint.events.mail.MailTopics;
import dev.stillpoint.events.privacy.PrivacyTopics;
import dev.stillpoint.mail.BounceAddress;
import dev.stillpoint.newsletter.NewsletterTestBase;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bounces and complaints, as notification-service's bounce log publishes them on {@value MailTopics#BOUNCES}, act on
 * the list: a hard bounce marks the subscriber BOUNCED and the next issue skips them, a complaint unsubscribes at
 * once, a soft bounce below the limit only counts; the issue counts each; imports respect the suppression; and
 * subscribing again once the address is fixed works. (notification-service reads the real mailbox and webhook; the
 * system tests run both services together.)
 */
class BouncesIntegrationTests extends NewsletterTestBase {

    private static final Pattern CONFIRM_LINK = Pattern.compile("http://localhost:8083(/subscribe/confirm\\?token=[\\w.-]+)");

    @Test
    void bouncesAndComplaintsTakeAddressesOffTheListAndTheNextIssueSkipsThem() throws Exception {
        String run = run();
        insertSubscribers(run, "CONFIRMED", 4);
        String spring = "Spring " + run;
        String first = publishAndAwait(spring, 4);
        MimeMessage hard = to(spring, email(run, "confirmed", 0));
        MimeMessage complained = to(spring, email(run, "confirmed", 1));
        MimeMessage soft = to(spring, email(run, "confirmed", 2));
        // every issue leaves from its own bounce address, as an automated email, with replies to the practice
        String token = BounceAddress.token(hard.getMessageID());
        assertThat(hard.getHeader("Return-Path", null)).isEqualTo("<bounces+" + token + "@stillpoint.example>");
        assertThat(hard.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(hard.getHeader("Reply-To", null)).isEqualTo("Stillpoint CranioSacral Therapy <hello@stillpoint.example>");
        assertThat(hard.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");

        EmailBounced hardBounce = bounce(hard, EmailBounced.Kind.HARD, "5.1.1", true);
        publish(hardBounce);
        publish(hardBounce); // redelivered: changes nothing twice
        publish(bounce(complained, EmailBounced.Kind.COMPLAINT, null, true));
        publish(bounce(soft, EmailBounced.Kind.SOFT, "4.2.2", false));

        await().atMost(Waits.STEP).until(() -> count("select count(*) from handled_bounce") >= 3
                && "BOUNCED".equals(status(email(run, "confirmed", 0))));
        assertThat(status(email(run, "confirmed", 1))).isEqualTo("UNSUBSCRIBED");
        assertThat(status(email(run, "confirmed", 2))).isEqualTo("CONFIRMED");
        assertThat(this.jdbc.sql("select bounce_reason from subscriber where email = ?")
            .param(email(run, "confirmed", 0)).query(String.class).single()).startsWith("HARD 5.1.1 smtp; 550 5.1.1");
        JsonNode progress = issue(first).get("progress");
        assertThat(progress.get("bounced").asInt()).isEqualTo(2);
        assertThat(progress.get("complained").asInt()).isEqualTo(1);
        // staff see them
        String page = this.http.get().uri("/staff/subscribers").headers(this::staff).exchange().expectStatus().isOk()
            .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("Bounced addresses", email(run, "confirmed", 0), "HARD 5.1.1");

        String summer = "Summer " + run;
        publishAndAwait(summer, 2);
        assertThat(received(summer)).extracting(NewsletterTestBase::recipient)
            .containsExactlyInAnyOrder(email(run, "confirmed", 2), email(run, "confirmed", 3));

        // an import cannot put a bounced or complaining address back on the list
        JsonNode report = this.json.readTree(this.http.post().uri("/api/newsletter/subscribers?consented=true")
            .headers(this::staff).contentType(MediaType.parseMediaType("text/csv"))
            .body(email(run, "confirmed", 0) + "\n" + email(run, "confirmed", 1) + "\n").exchange()
            .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(report.get("added").asInt()).isZero();
        assertThat(report.get("notAdded").valueStream().map((row) -> row.get("reason").asString()).toList())
            .containsExactly(
                    "Its mail server refused the newsletter for good: only they can subscribe again, once it is fixed.",
                    "Unsubscribed: only they can subscribe again.");
        assertThat(status(email(run, "confirmed", 0))).isEqualTo("BOUNCED");

        // the address fixed, its owner subscribes again and confirms
        String fixed = email(run, "confirmed", 0);
        this.http.post().uri("/api/subscribers").contentType(MediaType.APPLICATION_JSON)
            .body("{\"email\": \"" + fixed + "\"}").exchange().expectStatus().isAccepted();
        MimeMessage confirmation = awaitConfirmations(fixed, 2).get(1); // after the spring issue
        // the confirmation leaves as every email does
        assertThat(confirmation.getHeader("Return-Path", null)).isEqualTo("<bounces+"
                + BounceAddress.token(confirmation.getMessageID()) + "@stillpoint.example>");
        assertThat(confirmation.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(confirmation.getHeader("Reply-To", null)).contains("<hello@stillpoint.example>");
        Matcher link = CONFIRM_LINK.matcher(ReceivedEmails.source(confirmation).replace("=\r\n", "").replace("=3D", "="));
        assertThat(link.find()).isTrue();
        this.http.post().uri(link.group(1)).exchange().expectStatus().isOk();
        assertThat(status(fixed)).isEqualTo("CONFIRMED");
        assertThat(count("select count(*) from suppressed_address where email_hash = '"
                + PrivacyTopics.emailHash(fixed) + "'")).isZero();
    }

    private String publishAndAwait(String title, int recipients) {
        String id = writeIssue(title, "# " + title + "\n\nNews.");
        this.http.post().uri("/api/newsletter/issues/{id}/publish", id).headers(this::staff).exchange()
            .expectStatus().isAccepted();
        await().atMost(Waits.emails(recipients)).until(() -> issue(id).get("status").asString().startsWith("SENT"));
        return id;
    }

    private static MimeMessage to(String subject, String address) throws Exception {
        return received(subject).stream().filter((message) -> recipient(message).equals(address)).findFirst()
            .orElseThrow();
    }

    private static EmailBounced bounce(MimeMessage email, EmailBounced.Kind kind, String status, boolean suppress)
            throws Exception {
        return new EmailBounced(UUID.randomUUID(), PrivacyTopics.emailHash(recipient(email)),
                BounceAddress.tokenIn(email.getHeader("Return-Path", null)).orElseThrow(), kind, status,
                (status != null) ? "smtp; 550 " + status + " no" : null, EmailBounced.Source.MAILBOX, suppress,
                Instant.now());
    }

    private void publish(EmailBounced bounce) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(MailTopics.BOUNCES, bounce.emailHash(),
                this.json.writeValueAsString(bounce));
        record.headers().add("ce_type", MailTopics.EMAIL_BOUNCED_TYPE.getBytes(StandardCharsets.UTF_8));
        this.kafka.send(record).get();
    }

}
