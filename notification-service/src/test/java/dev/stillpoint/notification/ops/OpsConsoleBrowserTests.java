package dev.stillpoint.notification.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import dev.stillpoint.embedded.HeadlessBrowser;
import dev.stillpoint.embedded.Waits;
import dev.stillpoint.events.booking.BookingConfirmed;
import dev.stillpoint.events.booking.BookingDetails;
import dev.stillpoint.notification.IntegrationTestBase;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ops console in a real headless Chromium, against a real broker, database and SMTP server: an operator signs
 * in, sees topics, groups and lag, finds a poison record in the dead-letter view with its reason, corrects and
 * replays it, and the client's confirmation arrives; the delivery log and the scheduled work do what they say.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "stillpoint.ops.password=" + OpsConsoleBrowserTests.PASSWORD,
        "db-scheduler.polling-interval=200ms", "stillpoint.ops-console.lag-sample-interval=1s",
        "stillpoint.reminders.quiet-hours.starts=00:00", "stillpoint.reminders.quiet-hours.ends=00:00",
        // the reminders are due hours after the bookings: none folded into the confirmation
        "stillpoint.reminders.gap-after-confirmation=0s" })
class OpsConsoleBrowserTests extends IntegrationTestBase {

    static final String PASSWORD = "ops-console-test";

    @RegisterExtension
    static final HeadlessBrowser browser = new HeadlessBrowser();

    @LocalServerPort
    int port;

    @Test
    void aPoisonRecordShowsItsReasonAndReplayedAfterCorrectionEndsAsADeliveredEmail() throws Exception {
        UUID bookingId = UUID.randomUUID();
        String fixed = "fixed-" + bookingId.toString().substring(0, 8) + "@example.com";
        events.publish(confirmed(bookingId, "not-an-address", Instant.now().plus(Duration.ofDays(9))));
        WebDriver page = signIn();

        assertThat(page.findElement(By.cssSelector("#topics tr[data-topic='booking.events']")).getText())
            .contains("booking.events", "3");
        await().atMost(Waits.STEP).untilAsserted(() -> {
            page.navigate().refresh();
            assertThat(browser.findNow(By.cssSelector("table[data-group='notification-service']"))).isNotEmpty();
            assertThat(page.findElement(By.cssSelector("svg[aria-label^='Lag of notification-service']"))).isNotNull();
        });

        page.get(url("/ops/dead-letters"));
        WebElement row = await().atMost(Waits.STEP).until(() -> {
            page.navigate().refresh();
            return browser.findNow(By.cssSelector("tr[data-key='" + bookingId + "']")).stream().findFirst().orElse(null);
        }, (found) -> found != null);
        assertThat(row.findElement(By.className("reason")).getText()).isEqualTo("Event has no valid client email address");
        row.findElement(By.tagName("a")).click();

        assertThat(page.findElement(By.id("reason")).getText()).isEqualTo("Event has no valid client email address");
        WebElement body = page.findElement(By.id("body"));
        String corrected = body.getDomProperty("value").replace("not-an-address", fixed);
        body.clear();
        body.sendKeys(corrected);
        page.findElement(By.id("replay")).click();
        assertThat(page.findElement(By.className("notice")).getText()).startsWith("Replayed booking.events-dlt/")
            .contains("to booking.events/");
        assertThat(browser.isAbsent(By.cssSelector("tr[data-key='" + bookingId + "']"))).isTrue();

        MimeMessage confirmation = awaitEmails(fixed, 1).get(0);
        assertThat(confirmation.getSubject()).startsWith("Confirmed: your CranioSacral session on");

        page.get(url("/ops/audit"));
        assertThat(page.findElement(By.id("audit")).getText()).contains("ops", "REPLAYED", "body corrected");
        page.get(url("/ops/deliveries?q=" + bookingId));
        assertThat(page.findElement(By.cssSelector("tr[data-kind='BOOKING_CONFIRMED'] .status")).getText())
            .isEqualTo("SENT");
        assertThat(page.findElement(By.cssSelector("tr[data-kind='BOOKING_CONFIRMED']")).getText())
            .contains(confirmation.getMessageID().replaceAll("[<>]", ""));
    }

    @Test
    void anOperatorRunsOneReminderNowAndCancelsAnotherFromTheScheduledWork() throws Exception {
        UUID early = UUID.randomUUID();
        UUID cancelled = UUID.randomUUID();
        String earlyEmail = "early-" + early.toString().substring(0, 8) + "@example.com";
        Instant start = Instant.now().plus(Duration.ofHours(30)).truncatedTo(ChronoUnit.HOURS);
        events.publish(confirmed(early, earlyEmail, start));
        events.publish(confirmed(cancelled, "cancelled-" + cancelled.toString().substring(0, 8) + "@example.com",
                start.plus(Duration.ofHours(1))));
        awaitEmails(earlyEmail, 1);
        WebDriver page = signIn();

        page.get(url("/ops/deliveries?q=" + earlyEmail.toUpperCase()));
        assertThat(page.findElements(By.cssSelector("table.notifications tbody tr"))).hasSizeGreaterThanOrEqualTo(4);

        page.get(url("/ops/scheduled"));
        page.findElement(By.cssSelector("#soon tr[data-id='" + step(early, "HYDRATION_REMINDER") + "'] .run-now")).click();
        assertThat(page.findElement(By.className("notice")).getText()).startsWith("Released");
        List<MimeMessage> emails = awaitEmails(earlyEmail, 2);
        assertThat(emails.get(1).getSubject()).endsWith(": drink plenty of water");

        UUID toCancel = step(cancelled, "HYDRATION_REMINDER");
        page.findElement(By.cssSelector("#soon tr[data-id='" + toCancel + "'] .cancel")).click();
        // the page still shows the last notice ("Released ...") until the cancel's answer replaces it
        await().atMost(Waits.PAGE).ignoreException(StaleElementReferenceException.class)
            .until(() -> page.findElement(By.className("notice")).getText(), ("Cancelled " + toCancel + ".")::equals);
        assertThat(this.jdbc.sql("select status || ': ' || reason from notification where id = ?").param(toCancel)
            .query(String.class).single()).isEqualTo("CANCELLED: cancelled by ops in the ops console");
        page.get(url("/ops/audit"));
        assertThat(page.findElement(By.id("audit")).getText()).contains("RAN_NOW", "CANCELLED");
    }

    @Test
    void aWrongPasswordIsRefusedAndScriptsGetABasicChallenge() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(url("/ops"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                (challenge) -> assertThat(challenge).startsWith("Basic"));
        String credentials = Base64.getEncoder().encodeToString(("ops:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(http.send(HttpRequest.newBuilder(URI.create(url("/ops/dead-letters")))
            .header("Authorization", "Basic " + credentials).build(), HttpResponse.BodyHandlers.ofString())
            .statusCode()).isEqualTo(200);

        WebDriver page = browser.driver();
        page.manage().deleteAllCookies();
        page.get(url("/ops"));
        assertThat(page.getCurrentUrl()).endsWith("/ops/login");
        page.findElement(By.id("username")).sendKeys("ops");
        page.findElement(By.id("password")).sendKeys("not the password");
        page.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(page.findElement(By.className("problem")).getText()).contains("do not match");
    }

    private UUID step(UUID bookingId, String kind) {
        return await().atMost(Waits.STEP).until(() -> this.jdbc
            .sql("select id from notification where booking_id = ? and kind = ? and status = 'SCHEDULED'")
            .params(bookingId, kind).query(UUID.class).optional().orElse(null), (id) -> id != null);
    }

    private WebDriver signIn() {
        WebDriver page = browser.driver();
        page.manage().deleteAllCookies();
        page.get(url("/ops"));
        assertThat(page.getCurrentUrl()).endsWith("/ops/login");
        page.findElement(By.id("username")).sendKeys("ops");
        page.findElement(By.id("password")).sendKeys(PASSWORD);
        page.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(page, Waits.PAGE)
            .until(ExpectedConditions.textToBe(By.tagName("h1"), "Topics and consumer lag"));
        return page;
    }

    private String url(String path) {
        return "http://localhost:" + this.port + path;
    }

    private static BookingConfirmed confirmed(UUID bookingId, String email, Instant start) {
        BookingDetails details = new BookingDetails(new BookingDetails.Client("Ada Lovelace", email, "Europe/London"),
                "CST_60", 60, 45, start, start.plus(Duration.ofHours(1)), "CONFIRMED", false,
                URI.create("http://localhost:8081/bookings/" + bookingId + "/manage?token=abc"));
        return new BookingConfirmed(UUID.randomUUID(), bookingId, 1, Instant.now(), details, false);
    }

}
