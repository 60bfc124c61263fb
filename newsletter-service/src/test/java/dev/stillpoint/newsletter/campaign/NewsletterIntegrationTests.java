package dev.stillpoint.newsletter.campaign;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;

import dev.stillpoint.embedded.ReceivedEmails;
import dev.stillpoint.embedded.Waits;
import dev.stillpoint.events.newsletter.NewsletterTopics;
import dev.stillpoint.newsletter.NewsletterTestBase;
import dev.stillpoint.newsletter.subscriber.SubscriberTokens;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaAdmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Subscribing with double opt-in, and an issue delivered exactly once to each confirmed subscriber, over real servers. */
class NewsletterIntegrationTests extends NewsletterTestBase {

    private static final Pattern CONFIRM_LINK = Pattern.compile("http://localhost:8083(/subscribe/confirm\\?token=[\\w.-]+)");

    @Autowired
    SubscriberTokens tokens;

    @Autowired
    KafkaAdmin admin;

    @Test
    void startsHealthyWithItsSchemaAndItsTopics() {
        this.http.get().uri("/actuator/health").exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.components.db.status").isEqualTo("UP")
            .jsonPath("$.components.mail.status").isEqualTo("UP");
        this.http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        assertThat(this.admin.describeTopics(NewsletterTopics.NEWSLETTER_EVENTS, NewsletterTopics.NEWSLETTER_DELIVERIES))
            .containsKeys(NewsletterTopics.NEWSLETTER_EVENTS, NewsletterTopics.NEWSLETTER_DELIVERIES);
        assertThat(this.admin.describeTopics(NewsletterTopics.NEWSLETTER_DELIVERIES)
            .get(NewsletterTopics.NEWSLETTER_DELIVERIES).partitions()).hasSize(NewsletterTopics.NEWSLETTER_DELIVERIES_PARTITIONS);
    }

    @Test
    void subscribingNeedsAClickOnThePageOfTheEmailedLinkNotJustItsGetAndATamperedLinkIsRefused() throws Exception {
        this.http.post().uri("/api/subscribers").contentType(MediaType.APPLICATION_JSON)
            .body("{\"email\": \"grace@example.com\", \"name\": \"Grace Hopper\"}").exchange()
            .expectStatus().isAccepted();
        assertThat(status("grace@example.com")).isEqualTo("PENDING");
        MimeMessage confirmation = awaitConfirmations("grace@example.com", 1).get(0);
        assertThat(confirmation.getSubject()).isEqualTo("Please confirm your subscription to our newsletter");
        Matcher link = CONFIRM_LINK.matcher(ReceivedEmails.source(confirmation).replace("=\r\n", "").replace("=3D", "="));
        assertThat(link.find()).isTrue();

        String genuine = link.group(1);
        int inside = genuine.length() - 5;
        String tampered = genuine.substring(0, inside) + ((genuine.charAt(inside) == 'A') ? 'B' : 'A') + genuine.substring(inside + 1);
        this.http.get().uri(tampered).exchange().expectStatus().isBadRequest();
        this.http.post().uri(tampered).exchange().expectStatus().isBadRequest();
        assertThat(status("grace@example.com")).isEqualTo("PENDING");

        // what a mail scanner or a link preview does: follow the link. It shows a button, and confirms nothing
        this.http.get().uri(link.group(1)).exchange().expectStatus().isOk()
            .expectBody(String.class).value((page) -> assertThat(page).contains("Confirm your subscription",
                    "<form method=\"post\"", "Yes, subscribe me"));
        assertThat(status("grace@example.com")).isEqualTo("PENDING");

        // the button: a POST, without a cookie or a CSRF token (the signed link is the proof)
        this.http.post().uri(link.group(1)).exchange().expectStatus().isOk()
            .expectBody(String.class).value((page) -> assertThat(page).contains("You are subscribed"));
        assertThat(status("grace@example.com")).isEqualTo("CONFIRMED");

        this.http.post().uri("/api/subscribers").contentType(MediaType.APPLICATION_JSON)
            .body("{\"email\": \"not an address\"}").exchange()
            .expectStatus().isBadRequest();
    }

    @Test
    void aBookingWithTheNewsletterTickedAsksOnceForConfirmation() throws Exception {
        String key = UUID.randomUUID().toString();
        publishBooking(key, "ticked@example.com", true);
        publishBooking(key, "ticked@example.com", true); // the next session of a series
        publishBooking(key, "not-ticked@example.com", false);
        publishBooking(key, "marker@example.com", true);

        awaitConfirmations("marker@example.com", 1);
        assertThat(awaitConfirmations("ticked@example.com", 1)).hasSize(1);
        assertThat(status("ticked@example.com")).isEqualTo("PENDING");
        assertThat(count("select count(*) from subscriber where email = 'not-ticked@example.com'")).isZero();
        assertThat(this.jdbc.sql("select source from subscriber where email = 'ticked@example.com'").query(String.class)
            .single()).isEqualTo("BOOKING");
    }

    @Test
    void issueReachesEachConfirmedSubscriberExactlyOnceAndNobodyElse() throws Exception {
        String run = run();
        insertSubscribers(run, "CONFIRMED", 2000);
        insertSubscribers(run, "UNSUBSCRIBED", 100);
        insertSubscribers(run, "PENDING", 50);
        int confirmedBefore = 2000;

        String id = writeIssue("Spring " + run, "# Spring\n\nThe clinic's **spring** news.");
        this.http.post().uri("/api/newsletter/issues/{id}/publish", id).headers(this::staff).exchange()
            .expectStatus().isAccepted();
        await().atMost(Waits.emails(confirmedBefore))
            .until(() -> "SENT".equals(issue(id).get("status").asString()));

        JsonNode progress = issue(id).get("progress");
        assertThat(progress.get("total").asInt()).isEqualTo(confirmedBefore);
        assertThat(progress.get("sent").asInt()).isEqualTo(confirmedBefore);
        assertThat(progress.get("remaining").asInt()).isZero();
        List<MimeMessage> issueEmails = received("Spring " + run);
        Set<String> recipients = new HashSet<>();
        Set<String> messageIds = new HashSet<>();
        for (MimeMessage email : issueEmails) {
            recipients.add(((InternetAddress) email.getAllRecipients()[0]).getAddress());
            messageIds.add(email.getMessageID());
        }
        assertThat(issueEmails).hasSize(confirmedBefore);
        assertThat(recipients).hasSize(confirmedBefore).noneMatch((address) -> address.contains("-unsubscribed-")
                || address.contains("-pending-"));
        assertThat(messageIds).hasSize(confirmedBefore);
        MimeMessage one = issueEmails.get(0);
        assertThat(one.getHeader("List-Unsubscribe", null)).startsWith("<http://localhost:8083/unsubscribe?token=");
        assertThat(one.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(ReceivedEmails.source(one)).contains("multipart/alternative", "text/plain", "text/html",
                "<strong>spring</strong>");
    }

    @Test
    void anIssueWaitsOutAnSmtpOutageAndIsNotFinishedUntilEveryoneHasIt() throws Exception {
        String run = run();
        insertSubscribers(run, "CONFIRMED", 20);
        String id = writeIssue("Winter " + run, "Winter news.");
        smtp.stop();
        this.http.post().uri("/api/newsletter/issues/{id}/publish", id).headers(this::staff).exchange()
            .expectStatus().isAccepted();
        await().atMost(Waits.STEP).until(() -> count("select count(*) from delivery where issue_id = '" + id
                + "' and status = 'QUEUED' and last_error is not null") > 0);
        assertThat(issue(id).get("status").asString()).isEqualTo("SENDING");
        // a server that is away is no recipient's fault: tried past their attempts, nobody is given up
        await().atMost(Waits.STEP).until(() -> count("select count(*) from delivery where issue_id = '"
                + id + "' and attempts > " + MAX_ATTEMPTS) > 0);
        assertThat(count("select count(*) from delivery where issue_id = '" + id + "' and status = 'FAILED'")).isZero();

        smtp.start();
        // the senders retry with back-off, at most 30 s apart
        await().atMost(Waits.emails(20).plusSeconds(30)).until(() -> "SENT".equals(issue(id).get("status").asString()));
        JsonNode progress = issue(id).get("progress");
        assertThat(progress.get("sent").asInt()).isEqualTo(progress.get("total").asInt());
        assertThat(received("Winter " + run)).hasSize(progress.get("sent").asInt());
    }

    @Test
    void publishedIssuesAreInThePublicArchiveAndItsFeedAndDraftsAreNot() throws Exception {
        String run = run();
        String title = "Autumn’s café — notes " + run;
        // with a control character XML 1.0 cannot carry (dropped from the feed) and one beyond the 16-bit range (kept)
        String published = writeIssue(title, "Autumn *news* & notes, “quoted”, naïve — and <b>tags</b> too. "
                + "Ring\u0007ing 😊.");
        String draft = writeIssue("Draft " + run, "Not yet.");
        this.http.post().uri("/api/newsletter/issues/{id}/publish", published).headers(this::staff).exchange()
            .expectStatus().isAccepted();
        // the list is empty: the issue has nobody to reach and is sent at once
        assertThat(issue(published).get("status").asString()).isEqualTo("SENT");

        this.http.get().uri("/newsletter").exchange().expectStatus().isOk()
            .expectBody(String.class).value((page) -> assertThat(page).contains(title)
                .doesNotContain("Draft " + run));
        this.http.get().uri("/newsletter/{id}", published).exchange().expectStatus().isOk()
            .expectBody(String.class).value((page) -> assertThat(page).contains("<em>news</em> &amp; notes"));
        this.http.get().uri("/newsletter/{id}", draft).exchange().expectStatus().isNotFound();

        byte[] feed = this.http.get().uri("/newsletter/feed.xml").exchange().expectStatus().isOk()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_RSS_XML)
            .expectBody(byte[].class).returnResult().getResponseBody();
        // as a feed reader reads it: a real XML parser, from the bytes, in the encoding the document declares
        Document rss = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(feed));
        NodeList items = rss.getElementsByTagName("item");
        assertThat(items.getLength()).isOne();
        Element item = (Element) items.item(0);
        assertThat(text(item, "title")).isEqualTo(title);
        assertThat(text(item, "link")).isEqualTo("http://localhost:8083/newsletter/" + published);
        assertThat(text(item, "description")).contains("<em>news</em> &amp; notes, “quoted”, naïve — and &lt;b&gt;tags",
                "Ringing 😊.");
        assertThat(new String(feed, StandardCharsets.UTF_8)).doesNotContain("Draft " + run);
    }

    private static String text(Element parent, String child) {
        return parent.getElementsByTagName(child).item(0).getTextContent();
    }

    @Test
    void oneClickUnsubscribeDuringASendStopsTheRestForThatAddress() throws Exception {
        String run = run();
        List<UUID> subscribers = insertSubscribers(run, "CONFIRMED", 40);
        String id = writeIssue("Summer " + run, "Summer news.");
        // with the SMTP server down nothing can go before the pause, however fast the machine
        smtp.stop();
        try {
            this.http.post().uri("/api/newsletter/issues/{id}/publish", id).headers(this::staff).exchange()
                .expectStatus().isAccepted();
            this.http.post().uri("/api/newsletter/issues/{id}/pause", id).headers(this::staff).exchange()
                .expectStatus().isOk();
        }
        finally {
            smtp.start();
        }
        List<UUID> leaving = subscribers.subList(0, 10);
        for (UUID subscriber : leaving) {
            // what a mail provider sends for List-Unsubscribe-Post: a POST, no cookie, no CSRF token
            this.http.post().uri("/unsubscribe?token={token}", this.tokens.token(subscriber,
                    SubscriberTokens.Purpose.UNSUBSCRIBE))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body("List-Unsubscribe=One-Click").exchange()
                .expectStatus().isOk();
        }
        this.http.post().uri("/unsubscribe?token={token}", "forged.token").exchange().expectStatus().isBadRequest();
        this.http.post().uri("/api/newsletter/issues/{id}/resume", id).headers(this::staff).exchange()
            .expectStatus().isOk();
        // the senders retry with back-off, at most 30 s apart
        await().atMost(Waits.emails(40).plusSeconds(30)).until(() -> "SENT".equals(issue(id).get("status").asString()));

        Map<String, Integer> outcome = new java.util.HashMap<>();
        for (UUID subscriber : leaving) {
            String delivery = this.jdbc.sql("select status from delivery where issue_id = ?::uuid and subscriber_id = ?")
                .params(id, subscriber).query(String.class).single();
            outcome.merge(delivery, 1, Integer::sum);
            if (delivery.equals("SKIPPED")) {
                assertThat(received("Summer " + run).stream().map(NewsletterIntegrationTests::recipient))
                    .doesNotContain(email(run, "confirmed", subscribers.indexOf(subscriber)));
            }
        }
        assertThat(outcome.getOrDefault("SKIPPED", 0)).as("unsubscribed before their turn").isPositive();
        assertThat(received("Summer " + run)).hasSize(issue(id).get("progress").get("sent").asInt());
    }

}
