package dev.stillpoint.systemtests;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import dev.stillpoint.embedded.HeadlessBrowser;
import dev.stillpoint.embedded.Waits;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static dev.stillpoint.systemtests.BookingPages.answerNoToEveryHealthQuestion;
import static dev.stillpoint.systemtests.BookingPages.awaitStatus;
import static dev.stillpoint.systemtests.BookingPages.firstFreeTime;
import static dev.stillpoint.systemtests.BookingPages.laterWeek;
import static dev.stillpoint.systemtests.BookingPages.manageLinkOf;
import static dev.stillpoint.systemtests.BookingPages.navigate;
import static dev.stillpoint.systemtests.BookingPages.text;
import static dev.stillpoint.systemtests.PagesServices.CLIENT_ZONE;
import static dev.stillpoint.systemtests.PagesServices.PRACTICE;
import static dev.stillpoint.systemtests.PagesServices.checkAccessibility;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The client's pages in a real headless Chromium whose clock is in New York, as a client abroad: booking a session
 * or a series, a time taken meanwhile, the pages without JavaScript, the emailed manage link, and the email
 * preferences. What a client does on a page ends as the email they should get; every page is checked with axe-core.
 */
class ClientPagesBrowserTests {

    @RegisterExtension
    static final PagesServices pages = new PagesServices();

    @RegisterExtension
    static final HeadlessBrowser browser = HeadlessBrowser.inTimeZone(CLIENT_ZONE);

    @RegisterExtension
    static final HeadlessBrowser plainBrowser = HeadlessBrowser.withoutJavaScript();

    @Test
    void aClientBooksAWeeklySeriesThroughThePageAndGetsOneConfirmationWithEverySession() throws Exception {
        WebDriver driver = browser.driver();
        driver.get(pages.baseUrl() + "/book");
        // the page takes the browser's time zone without being told
        await().atMost(Waits.PAGE)
            .until(() -> URLDecoder.decode(driver.getCurrentUrl(), StandardCharsets.UTF_8).contains("tz=" + CLIENT_ZONE));
        assertThat(new Select(driver.findElement(By.id("timeZone"))).getFirstSelectedOption().getText()).isEqualTo(CLIENT_ZONE);
        assertThat(driver.findElement(By.id("sessionType")).getText()).contains("60 minutes: 45 minutes of hands-on",
                "75 minutes: 60 minutes of hands-on");
        assertThat(driver.findElement(By.id("why-we-ask")).getText()).contains("Why we ask");
        checkAccessibility(browser, "book");

        driver.findElement(By.id("type-CST_75")).click();
        driver.findElement(By.id("sessions-5")).click();
        navigate(driver, driver.findElement(By.id("show-times")));
        laterWeek(driver);
        navigate(driver, driver.findElement(By.id("book")));
        // nothing filled in: each mistake is named next to its field and in a summary
        assertThat(driver.findElement(By.id("error-summary")).getText()).contains("Please check your booking");
        assertThat(driver.findElement(By.id("name-error")).getText()).isEqualTo("Please enter your name");
        assertThat(driver.findElement(By.id("startsAt-error")).getText()).isEqualTo("Please choose a time");
        assertThat(driver.findElement(By.id("aneurysm-error")).getText()).isEqualTo("Please answer yes or no");
        assertThat(driver.findElement(By.id("name")).getAttribute("aria-invalid")).isEqualTo("true");
        checkAccessibility(browser, "book-with-errors");

        driver.findElement(By.id("name")).sendKeys("Ada Lovelace");
        driver.findElement(By.id("email")).sendKeys("not-an-email");
        firstFreeTime(driver).click();
        answerNoToEveryHealthQuestion(driver);
        navigate(driver, driver.findElement(By.id("book")));
        assertThat(driver.findElement(By.id("email-error")).getText()).startsWith("Please enter an email address");
        assertThat(driver.findElement(By.id("name")).getAttribute("value")).isEqualTo("Ada Lovelace");

        WebElement email = driver.findElement(By.id("email"));
        email.clear();
        email.sendKeys("ada@example.com");
        String chosen = firstFreeTime(driver).getAttribute("value");
        firstFreeTime(driver).click();
        navigate(driver, driver.findElement(By.id("book")));

        awaitStatus(driver, "your booking is confirmed");
        assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("Confirmed");
        assertThat(driver.findElements(By.cssSelector("section ol li"))).hasSize(5);
        checkAccessibility(browser, "booked");

        // one confirmation for the series: every session with its own manage link, one calendar file of five events
        MimeMessage confirmation = pages.awaitEmails("ada@example.com", 1).get(0);
        assertThat(confirmation.getSubject()).startsWith("Confirmed: your weekly series of 5 CranioSacral sessions from");
        assertThat(text(confirmation)).contains("75 minutes", "Eastern Standard Time (America/New_York)", "Ada Lovelace",
                "1. ", "5. ");
        assertThat(text(confirmation).split(pages.baseUrl() + "/bookings/")).hasSize(6);
        MimeMultipart mixed = (MimeMultipart) confirmation.getContent();
        Calendar calendar = new CalendarBuilder().build(mixed.getBodyPart(1).getInputStream());
        List<VEvent> sessions = calendar.getComponents(Component.VEVENT);
        assertThat(sessions).hasSize(5);
        assertThat(sessions).extracting((session) -> session.<Property>getProperty(Property.UID).orElseThrow().getValue())
            .doesNotHaveDuplicates();

        // stopping after two sessions: the third and every later one are cancelled from the third's page
        navigate(driver, driver.findElements(By.cssSelector("section ol li a")).get(1));
        assertThat(driver.findElement(By.cssSelector("dl.booking")).getText()).contains("Session 3 of a weekly series of 5");
        navigate(driver, driver.findElement(By.id("cancel-link")));
        assertThat(driver.findElement(By.id("main")).getText()).contains("2 more sessions come after it");
        checkAccessibility(browser, "cancel-series");
        navigate(driver, driver.findElement(By.id("confirm-cancel-rest")));
        awaitStatus(driver, "Your session and the later sessions of your series are cancelled");
        assertThat(driver.findElements(By.cssSelector("section ol li"))).extracting(WebElement::getText)
            .filteredOn((session) -> session.endsWith(": cancelled")).hasSize(3);
        assertThat(pages.awaitEmails("ada@example.com", 4).subList(1, 4)).extracting(MimeMessage::getSubject)
            .allSatisfy((subject) -> assertThat(subject).startsWith("Cancelled:"));
        assertThat(chosen).isNotBlank();
    }

    @Test
    void aTimeBookedMeanwhileIsSaidAndTheNearestFreeTimesAreOffered() throws Exception {
        WebDriver driver = browser.driver();
        driver.get(pages.baseUrl() + "/book?tz=" + CLIENT_ZONE);
        laterWeek(driver);
        laterWeek(driver);
        driver.findElement(By.id("name")).sendKeys("Late Comer");
        driver.findElement(By.id("email")).sendKeys("late@example.com");
        answerNoToEveryHealthQuestion(driver);
        WebElement wanted = firstFreeTime(driver);
        String startsAt = wanted.getAttribute("value");
        wanted.click();
        // someone else takes the same time while the form is being filled in
        HttpResponse<String> other = pages.booking().post("/api/bookings", """
                {"client": {"name": "Quick Booker", "email": "quick@example.com", "timeZone": "Europe/London"},
                 "sessionType": "CST_60", "startsAt": "%s",
                 "screening": {"aneurysm": false, "cerebralHemorrhage": false, "bleedingDisorder": false, "intracranialPressure": false}}
                """.formatted(startsAt));
        assertThat(other.statusCode()).as(other.body()).isEqualTo(201);
        navigate(driver, driver.findElement(By.id("book")));

        assertThat(driver.findElement(By.id("startsAt-error")).getText()).contains("someone else booked that time");
        List<WebElement> nearest = driver.findElements(By.cssSelector("#nearest input[name=startsAt]"));
        assertThat(nearest).isNotEmpty().allSatisfy((time) -> assertThat(time.getAttribute("value")).isNotEqualTo(startsAt));
        assertThat(driver.findElement(By.id("name")).getAttribute("value")).isEqualTo("Late Comer");
        checkAccessibility(browser, "time-taken");
        nearest.get(0).click();
        navigate(driver, driver.findElement(By.id("book")));
        awaitStatus(driver, "your booking is confirmed");
        assertThat(pages.awaitEmails("late@example.com", 1).get(0).getSubject()).startsWith("Confirmed:");
    }

    @Test
    void withoutJavaScriptAClientChoosesTheirZoneBooksAndCancels() throws Exception {
        WebDriver driver = plainBrowser.driver();
        driver.get(pages.baseUrl() + "/book");
        Select zone = new Select(driver.findElement(By.id("timeZone")));
        assertThat(zone.getFirstSelectedOption().getText()).as("the practice's zone until told otherwise")
            .isEqualTo("Europe/London");
        zone.selectByValue("Asia/Tokyo");
        navigate(driver, driver.findElement(By.id("show-times")));
        assertThat(driver.findElement(By.id("startsAt")).getText()).contains("Times are in Japan Time (Asia/Tokyo)");
        laterWeek(driver);
        driver.findElement(By.id("name")).sendKeys("Plain Browser");
        driver.findElement(By.id("email")).sendKeys("plain@example.com");
        answerNoToEveryHealthQuestion(driver);
        firstFreeTime(driver).click();
        navigate(driver, driver.findElement(By.id("book")));
        awaitStatus(driver, "your booking is confirmed");
        assertThat(pages.awaitEmails("plain@example.com", 1).get(0).getSubject()).startsWith("Confirmed:");

        navigate(driver, driver.findElement(By.id("cancel-link")));
        navigate(driver, driver.findElement(By.id("confirm-cancel")));
        awaitStatus(driver, "Your session is cancelled");
        assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("Cancelled");
        MimeMessage cancelled = pages.awaitEmails("plain@example.com", 2).get(1);
        assertThat(cancelled.getSubject()).startsWith("Cancelled:");
        assertThat(text(cancelled)).contains("(Asia/Tokyo)");
    }

    @Test
    void theEmailedManageLinkMovesTheSessionAndTheNoticeArrives() throws Exception {
        String link = manageLinkOf(pages.bookThroughThePage(browser, "grace@example.com", false));
        WebDriver driver = browser.driver();
        driver.get(link);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Your session");
        assertThat(driver.findElement(By.id("main")).getText()).contains("up to 24 hours before it starts");
        checkAccessibility(browser, "manage");

        // a week on: the first free time of this week may be inside the notice period, after which the move could not
        // be undone online, and the page rightly offers no cancel link
        laterWeek(driver);
        WebElement newTime = firstFreeTime(driver);
        String label = newTime.findElement(By.xpath("..")).getText();
        newTime.click();
        navigate(driver, driver.findElement(By.id("move")));

        awaitStatus(driver, "Your session is moved");
        checkAccessibility(browser, "moved");
        navigate(driver, driver.findElement(By.id("cancel-link")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Cancel your session?");
        checkAccessibility(browser, "cancel");
        navigate(driver, driver.findElement(By.linkText("No, keep it")));
        assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("Confirmed");
        MimeMessage moved = pages.awaitEmails("grace@example.com", 2).get(1);
        assertThat(moved.getSubject()).startsWith("Moved: your CranioSacral session is now on");
        assertThat(moved.getSubject()).contains(label.substring(0, 5));
    }

    @Test
    void aTamperedManageLinkIsRefused() throws Exception {
        String link = manageLinkOf(pages.bookThroughThePage(browser, "mallory@example.com", false));
        String tampered = link.substring(0, link.length() - 2) + (link.endsWith("A") ? "BB" : "AA");
        WebDriver driver = browser.driver();
        driver.get(tampered);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("This link is not valid");
        assertThat(driver.getPageSource()).doesNotContain("mallory", "Move my session");
        checkAccessibility(browser, "link-refused");
        HttpResponse<String> response = pages.booking().get(URI.create(tampered).getRawPath() + "?" + URI.create(tampered).getRawQuery());
        assertThat(response.statusCode()).isEqualTo(403);
        String otherBooking = link.replaceAll("/bookings/[0-9a-f-]{36}/", "/bookings/00000000-0000-0000-0000-000000000000/");
        assertThat(pages.booking().get(URI.create(otherBooking).getRawPath() + "?" + URI.create(otherBooking).getRawQuery())
            .statusCode()).isEqualTo(403);
    }

    /**
     * The client turns the check-in off from the link on their manage page: the check-in of the session booked
     * before and of the one booked after are both skipped, with the reason, and neither has anything left to fire
     * (ClientPreferencesIntegrationTests moves the clock past a check-in's time and sees that none is sent).
     */
    @Test
    void aClientTurnsOffTheCheckInAndNoneIsSentForAnyOfTheirSessions() throws Exception {
        String address = "quiet@example.com";
        WebDriver driver = browser.driver();
        driver.get(manageLinkOf(pages.bookThroughThePage(browser, address, false)));
        navigate(driver, driver.findElement(By.id("preferences-link")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Your emails");
        assertThat(driver.findElement(By.id("checkIn")).isSelected()).isTrue();
        checkAccessibility(browser, "preferences");
        driver.findElement(By.id("checkIn")).click();
        navigate(driver, driver.findElement(By.id("save")));
        awaitStatus(driver, "Saved. Your choice applies to every session");
        assertThat(driver.findElement(By.id("checkIn")).isSelected()).isFalse();
        assertThat(driver.findElement(By.id("aftercare")).isSelected()).isTrue();

        OffsetDateTime later = LocalDate.now(PRACTICE).plusWeeks(7).with(TemporalAdjusters.next(DayOfWeek.THURSDAY))
            .atTime(10, 0).atZone(PRACTICE).toOffsetDateTime();
        HttpResponse<String> second = pages.booking().post("/api/bookings", """
                {"client": {"name": "Test Client", "email": "%s", "timeZone": "Europe/London"},
                 "sessionType": "CST_60", "startsAt": "%s",
                 "screening": {"aneurysm": false, "cerebralHemorrhage": false, "bleedingDisorder": false, "intracranialPressure": false}}
                """.formatted(address, later));
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        await().atMost(Waits.STEP).until(() -> pages.ledger().count("select count(*) from notification.notification "
                + "where recipient = ? and kind = 'INTEGRATION_CHECK_IN' and status = 'SKIPPED' "
                + "and reason = 'the client turned this email off'", address) == 2);
        assertThat(pages.ledger().count("select count(*) from notification.notification where recipient = ? "
                + "and kind = 'INTEGRATION_CHECK_IN' and status <> 'SKIPPED'", address)).isZero();
        assertThat(pages.ledger().count("select count(*) from notification.scheduled_tasks t join notification.notification n "
                + "on t.task_instance = n.id::text where n.recipient = ? and n.kind = 'INTEGRATION_CHECK_IN'", address))
            .isZero();
        assertThat(pages.ledger().count("select count(*) from notification.notification where recipient = ? "
                + "and kind = 'AFTERCARE' and status = 'SCHEDULED'", address)).isEqualTo(2);
        pages.awaitEmails(address, 2);
    }

}
