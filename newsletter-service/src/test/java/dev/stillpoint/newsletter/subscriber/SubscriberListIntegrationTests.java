package dev.stillpoint.newsletter.subscriber;

import java.util.List;
import java.util.UUID;

import dev.stillpoint.embedded.ReceivedEmails;
import dev.stillpoint.embedded.Waits;
import dev.stillpoint.newsletter.NewsletterTestBase;
import dev.stillpoint.newsletter.subscriber.SubscriberTokens;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Staff import and export the list as CSV; a subscriber downloads what is kept about them. */
class SubscriberListIntegrationTests extends NewsletterTestBase {

    @Autowired
    SubscriberTokens tokens;

    @Test
    void aCsvImportAddsGoodRowsAndReportsEveryOtherRowWithWhy() {
        String run = run();
        insertSubscribers(run, "UNSUBSCRIBED", 1);
        insertSubscribers(run, "CONFIRMED", 1);
        String csv = String.join("\r\n", "Name,Email",
                "Ada Lovelace," + address(run, "ada"),
                "\"Hopper, Grace\",\"" + address(run, "grace") + "\"",
                "No Address,",
                "Bad Address,not-an-address",
                "",
                "Ada Again," + address(run, "ADA"),
                "Left Us," + email(run, "unsubscribed", 0),
                "Already Here," + email(run, "confirmed", 0),
                "\"Two\nLines\"," + address(run, "two-lines"));

        JsonNode report = this.json.readTree(this.http.post().uri("/api/newsletter/subscribers?consented=true")
            .headers(this::staff).contentType(MediaType.parseMediaType("text/csv")).body(csv).exchange()
            .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());

        assertThat(report.get("added").asInt()).isEqualTo(3);
        assertThat(report.get("notAdded").valueStream()
            .map((row) -> row.get("line").asInt() + " " + row.get("reason").asString()).toList())
            .containsExactly("4 No email address.", "5 Not an email address.", "7 The same address as line 2.",
                    "8 Unsubscribed: only they can subscribe again.", "9 Already on the list (confirmed).");
        assertThat(status(address(run, "ada"))).isEqualTo("CONFIRMED");
        assertThat(this.jdbc.sql("select name from subscriber where email = ?").param(address(run, "grace"))
            .query(String.class).single()).isEqualTo("Hopper, Grace");
        assertThat(status(address(run, "two-lines"))).isEqualTo("CONFIRMED");
        assertThat(status(email(run, "unsubscribed", 0))).isEqualTo("UNSUBSCRIBED");
    }

    @Test
    void importedPeopleWithoutConsentAreAskedToConfirm() throws Exception {
        String run = run();
        this.http.post().uri("/api/newsletter/subscribers").headers(this::staff)
            .contentType(MediaType.parseMediaType("text/csv")).body(address(run, "asked") + ",Asked Person\n")
            .exchange().expectStatus().isOk()
            .expectBody().jsonPath("$.added").isEqualTo(1);
        assertThat(status(address(run, "asked"))).isEqualTo("PENDING");
        MimeMessage confirmation = awaitConfirmations(address(run, "asked"), 1).get(0);
        assertThat(confirmation.getSubject()).isEqualTo("Please confirm your subscription to our newsletter");
    }

    @Test
    void theExportListsEverySubscriberAndDefusesSpreadsheetFormulas() {
        String run = run();
        this.http.post().uri("/api/newsletter/subscribers?consented=true").headers(this::staff)
            .contentType(MediaType.parseMediaType("text/csv"))
            .body("email,name\n" + address(run, "formula") + ",=HYPERLINK(\"http://evil\")\n").exchange()
            .expectStatus().isOk();

        String csv = this.http.get().uri("/api/newsletter/subscribers").headers(this::staff).exchange()
            .expectStatus().isOk()
            .expectHeader().contentTypeCompatibleWith("text/csv")
            .expectHeader().valueMatches("Content-Disposition", "attachment; filename=\"newsletter-subscribers.csv\"")
            .expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv).startsWith("email,name,status,source,subscribed_at,confirmed_at,unsubscribed_at\r\n")
            .contains(address(run, "formula") + ",\"'=HYPERLINK(\"\"http://evil\"\")\",CONFIRMED,IMPORT,");
        assertThat(csv.split("\r\n")).as("the header and the one subscriber").hasSize(2);

        this.http.get().uri("/api/newsletter/subscribers").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aSubscriberDownloadsWhatIsKeptAboutThemAndATamperedLinkIsRefused() throws Exception {
        String run = run();
        List<UUID> ids = insertSubscribers(run, "CONFIRMED", 1);
        String issue = writeIssue("Data " + run, "News.");
        this.http.post().uri("/api/newsletter/issues/{id}/publish", issue).headers(this::staff).exchange()
            .expectStatus().isAccepted();
        await().atMost(Waits.emails(1)).until(() -> "SENT".equals(issue(issue).get("status").asString()));
        MimeMessage email = ReceivedEmails.waitFor(smtp, email(run, "confirmed", 0), 1).get(0);
        // the link in the email (a data link carries its expiry, so it is read from the email, not made again)
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("/subscriber/data\\?token=([\\w.-]+)")
            .matcher(ReceivedEmails.source(email).replace("=\r\n", "").replace("=3D", "="));
        assertThat(link.find()).isTrue();
        String token = link.group(1);
        assertThat(this.tokens.verify(token, SubscriberTokens.Purpose.DATA)).contains(ids.get(0));

        JsonNode data = this.json.readTree(this.http.get().uri("/subscriber/data.json?token={token}", token).exchange()
            .expectStatus().isOk()
            .expectHeader().valueMatches("Content-Disposition", "attachment; filename=\"newsletter-data.json\"")
            .expectBody(String.class).returnResult().getResponseBody());
        assertThat(data.get("email").asString()).isEqualTo(email(run, "confirmed", 0));
        assertThat(data.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(data.get("newsletters").get(0).get("title").asString()).isEqualTo("Data " + run);
        assertThat(data.get("newsletters").get(0).get("message_id").asString()).isEqualTo(email.getMessageID());

        String unsubscribeToken = this.tokens.token(ids.get(0), SubscriberTokens.Purpose.UNSUBSCRIBE);
        this.http.get().uri("/subscriber/data.json?token={token}", unsubscribeToken).exchange()
            .expectStatus().isBadRequest();
        // a changed character inside the signature: the last one carries bits a decoder may ignore
        int inside = token.length() - 5;
        String tampered = token.substring(0, inside) + ((token.charAt(inside) == 'A') ? 'B' : 'A') + token.substring(inside + 1);
        this.http.get().uri("/subscriber/data?token={token}", tampered).exchange()
            .expectStatus().isBadRequest();
        this.http.post().uri("/subscriber/data/erase?token={token}", token).exchange()
            .expectStatus().isForbidden(); // erasing needs the page's CSRF token: no link or scanner can do it
        assertThat(status(email(run, "confirmed", 0))).isEqualTo("CONFIRMED");
    }

    private static String address(String run, String who) {
        return who + "-" + run + "@example.com";
    }

}
