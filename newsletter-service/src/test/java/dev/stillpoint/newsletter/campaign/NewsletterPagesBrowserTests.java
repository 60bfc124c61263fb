package dev.stillpoint.newsletter.campaign;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.stillpoint.embedded.HeadlessBrowser;
import dev.stillpoint.embedded.ReceivedEmails;
import dev.stillpoint.embedded.Waits;
import dev.stillpoint.newsletter.NewsletterTestBase;
import dev.stillpoint.newsletter.subscriber.SubscriberTokens;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The newsletter's pages in a real headless Chromium: staff sign in, write, preview, test, publish, schedule and import;
 * a subscriber erases their data.
 */
class NewsletterPagesBrowserTests extends NewsletterTestBase {

    @Autowired
    SubscriberTokens tokens;

    @RegisterExtension
    static final HeadlessBrowser browser = new HeadlessBrowser();

    @Test
    void staffSignInWriteAPreviewSendATestPublishAndWatchTheProgressBarReachTheEnd() throws Exception {
        String run = run();
        insertSubscribers(run, "CONFIRMED", 300);
        WebDriver page = signIn();

        page.findElement(By.id("title")).sendKeys("Winter " + run);
        page.findElement(By.id("markdown")).sendKeys("# Winter\n\nStay **warm** and drink water.\n");
        page.findElement(By.id("save-draft")).click();
        assertThat(text(page, "status")).isEqualTo("DRAFT");
        page.switchTo().frame("preview");
        assertThat(page.findElement(By.tagName("strong")).getText()).isEqualTo("warm");
        page.switchTo().defaultContent();

        page.findElement(By.id("test-email")).sendKeys("editor@example.com");
        page.findElement(By.id("send-test")).click();
        assertThat(page.findElement(By.className("notice")).getText()).contains("editor@example.com");
        MimeMessage test = ReceivedEmails.waitFor(smtp, "editor@example.com", 1).get(0);
        assertThat(test.getSubject()).isEqualTo("[Test] Winter " + run);

        page.findElement(By.id("publish-now")).click();
        List<String> seen = new ArrayList<>();
        await().atMost(Waits.emails(300)).pollInterval(Duration.ofMillis(100)).until(() -> {
            String percent = text(page, "percent");
            seen.add(percent);
            return "SENT".equals(text(page, "status")) && "100%".equals(percent);
        });
        System.out.println("Progress seen by the browser: " + seen.stream().distinct().toList());
        WebElement bar = page.findElement(By.id("progress"));
        assertThat(bar.getDomProperty("value")).isEqualTo(bar.getDomProperty("max"));
        assertThat(text(page, "remaining")).isEqualTo("0");
        assertThat(text(page, "sent")).isEqualTo(text(page, "total"));
        assertThat(received("Winter " + run)).hasSize(Integer.parseInt(text(page, "sent")));
        assertThat(received("Winter " + run).stream().map(NewsletterTestBase::recipient))
            .contains(email(run, "confirmed", 0), email(run, "confirmed", 299));
    }

    @Test
    void staffScheduleAnIssueInThePracticeTimeZoneAndCancelIt() {
        WebDriver page = signIn();
        page.findElement(By.id("title")).sendKeys("Spring " + run());
        page.findElement(By.id("markdown")).sendKeys("Spring news.");
        page.findElement(By.id("save-draft")).click();

        LocalDateTime at = LocalDateTime.of(LocalDate.now().plusYears(1).withMonth(4).withDayOfMonth(1), LocalTime.of(9, 30));
        WebElement input = page.findElement(By.id("at"));
        ((JavascriptExecutor) page).executeScript("arguments[0].value = arguments[1]", input, at.toString());
        page.findElement(By.id("schedule")).click();
        waitFor(page, "SCHEDULED", By.id("status"));
        assertThat(text(page, "scheduled-for")).contains("1 Apr", "09:30", "BST");
        String id = page.getCurrentUrl().substring(page.getCurrentUrl().lastIndexOf('/') + 1);
        assertThat(this.jdbc.sql("select scheduled_for from newsletter_issue where id = ?::uuid").param(id)
            .query(java.sql.Timestamp.class).single().toInstant())
            .isEqualTo(at.atZone(ZoneId.of("Europe/London")).toInstant());

        page.findElement(By.id("cancel")).click();
        page.switchTo().alert().accept();
        waitFor(page, "CANCELLED", By.id("status"));
        assertThat(browser.isAbsent(By.id("publish-now"))).isTrue();
    }

    @Test
    void aWrongPasswordIsRefusedAndScriptsGetBasicAuthInsteadOfTheForm() {
        WebDriver page = browser.driver();
        page.manage().deleteAllCookies();
        page.get("http://localhost:" + this.port + "/staff/newsletter");
        page.findElement(By.id("username")).sendKeys("staff");
        page.findElement(By.id("password")).sendKeys("wrong");
        page.findElement(By.id("sign-in")).click();
        assertThat(page.findElement(By.className("problem")).getText()).contains("do not match");

        this.http.get().uri("/api/newsletter/issues/00000000-0000-0000-0000-000000000000").exchange()
            .expectStatus().isUnauthorized()
            .expectHeader().valueMatches("WWW-Authenticate", "Basic realm=.*");
    }

    @Test
    void staffImportACsvFileAndSeeWhichRowsWereNotAddedAndWhy() throws Exception {
        String run = run();
        Path csv = Files.createTempFile("subscribers", ".csv");
        Files.writeString(csv, "email,name\nfirst-" + run + "@example.com,First\nnot-an-address,Second\n"
                + "third-" + run + "@example.com,Third\n");
        WebDriver page = signIn();
        page.findElement(By.linkText("Subscribers")).click();
        page.findElement(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
        page.findElement(By.id("consented")).click();
        page.findElement(By.id("import")).click();

        waitFor(page, "2", By.id("added"));
        assertThat(page.findElement(By.id("rejected")).getText()).contains("3", "not-an-address", "Not an email address.");
        assertThat(status("first-" + run + "@example.com")).isEqualTo("CONFIRMED");
        Files.delete(csv);
    }

    @Test
    void aSubscriberSeesTheirDataAndErasesIt() {
        String run = run();
        UUID subscriber = insertSubscribers(run, "CONFIRMED", 1).get(0);
        WebDriver page = browser.driver();
        page.get("http://localhost:" + this.port + "/subscriber/data?token="
                + this.tokens.token(subscriber, SubscriberTokens.Purpose.DATA));
        assertThat(text(page, "email")).isEqualTo(email(run, "confirmed", 0));
        assertThat(text(page, "subscription")).isEqualTo("CONFIRMED");

        page.findElement(By.id("erase")).click();
        waitFor(page, "Your data is erased", By.tagName("h1"));
        assertThat(count("select count(*) from subscriber where id = '" + subscriber + "'")).isZero();
    }

    private WebDriver signIn() {
        WebDriver page = browser.driver();
        page.manage().deleteAllCookies();
        page.get("http://localhost:" + this.port + "/staff/newsletter");
        assertThat(page.getCurrentUrl()).endsWith("/staff/login");
        page.findElement(By.id("username")).sendKeys("staff");
        page.findElement(By.id("password")).sendKeys(PASSWORD);
        page.findElement(By.id("sign-in")).click();
        waitFor(page, "Newsletter issues", By.tagName("h1"));
        return page;
    }

    private static void waitFor(WebDriver page, String text, By element) {
        new WebDriverWait(page, Waits.PAGE).until(ExpectedConditions.textToBe(element, text));
    }

    /** The element's text, or empty while it is not there (the page reloads itself when the issue's status changes). */
    private static String text(WebDriver page, String id) {
        try {
            List<WebElement> found = page.findElements(By.id(id));
            return found.isEmpty() ? "" : found.get(0).getText();
        }
        catch (StaleElementReferenceException ex) {
            return "";
        }
    }

}
