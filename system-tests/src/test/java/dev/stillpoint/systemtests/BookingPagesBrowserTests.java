package dev.stillpoint.systemtests;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.stillpoint.embedded.AxeCore;
import dev.stillpoint.embedded.HeadlessBrowser;
import dev.stillpoint.embedded.KraftBroker;
import dev.stillpoint.embedded.ReceivedEmails;
import dev.stillpoint.embedded.TestPostgres;
import dev.stillpoint.embedded.Waits;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static dev.stillpoint.systemtests.BookingPages.answerNoToEveryHealthQuestion;
import static dev.stillpoint.systemtests.BookingPages.awaitStatus;
import static dev.stillpoint.systemtests.BookingPages.decide;
import static dev.stillpoint.systemtests.BookingPages.firstFreeTime;
import static dev.stillpoint.systemtests.BookingPages.laterWeek;
import static dev.stillpoint.systemtests.BookingPages.manageLinkOf;
import static dev.stillpoint.systemtests.BookingPages.navigate;
import static dev.stillpoint.systemtests.BookingPages.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The client's and the practitioner's pages in a real headless Chromium, against the packaged booking- and
 * notification-service on a real broker, database and SMTP server: what a person does on a page ends as the email
 * they should get. Every page is checked with axe-core; the browser's clock is in New York, as a client abroad.
 */
class BookingPagesBrowserTests {

    private static final String STAFF_PASSWORD = "browser-test-staff";

    private static final String CLIENT_ZONE = "America/New_York";

    private static final ZoneId PRACTICE = ZoneId.of("Europe/London");

    @RegisterExtension
    static final HeadlessBrowser browser = HeadlessBrowser.inTimeZone(CLIENT_ZONE);

    @RegisterExtension
    static final HeadlessBrowser plainBrowser = HeadlessBrowser.withoutJavaScript();

    @TempDir
    static Path kafkaData;

    private static KraftBroker kafka;

    private static GreenMail smtp;

    private static NotificationLedger ledger;

    private static final String DATABASE = "pages";

    private static ServiceProcess booking;

    private static ServiceProcess notification;

    private static ServiceProcess newsletter;

    private static String newsletterUrl;

    private static String opsUrl;

    private static String baseUrl;

    @BeforeAll
    static void startServices() {
        kafka = KraftBroker.start(KraftBroker.freePort(), kafkaData, 3);
        smtp = new GreenMail(new ServerSetup(KraftBroker.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        ledger = new NotificationLedger(DATABASE, smtp);
        int bookingPort = KraftBroker.freePort();
        int notificationPort = KraftBroker.freePort();
        int newsletterPort = KraftBroker.freePort();
        baseUrl = "http://localhost:" + bookingPort;
        newsletterUrl = "http://localhost:" + newsletterPort;
        opsUrl = "http://localhost:" + notificationPort + "/ops";
        Map<String, String> environment = Map.ofEntries(
                Map.entry("SPRING_DATASOURCE_URL", TestPostgres.jdbcUrl(DATABASE)),
                Map.entry("SPRING_DATASOURCE_USERNAME", TestPostgres.username()),
                Map.entry("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers()),
                Map.entry("SPRING_MAIL_HOST", "127.0.0.1"),
                Map.entry("SPRING_MAIL_PORT", String.valueOf(smtp.getSmtp().getPort())),
                Map.entry("STILLPOINT_STAFF_PASSWORD", STAFF_PASSWORD),
                Map.entry("STILLPOINT_BOOKING_MANAGE_LINK_SECRET", "browser-test-secret"),
                Map.entry("STILLPOINT_BOOKING_PUBLIC_BASE_URL", baseUrl),
                // the tests' own requests, from loopback, are not rate-limited (README, "Test it")
                Map.entry("STILLPOINT_RATE_LIMIT_UNLIMITED_ADDRESSES", "127.0.0.1,::1"),
                // the staff home links to the other services' pages; the practitioner has the ops role too
                Map.entry("STILLPOINT_STAFF_HOME_NEWSLETTER", newsletterUrl + "/staff/newsletter"),
                Map.entry("STILLPOINT_STAFF_HOME_OPS", opsUrl),
                Map.entry("STILLPOINT_OPS_USERNAME", "staff"));
        booking = ServiceProcess.start("booking-service", bookingPort, environment);
        notification = ServiceProcess.start("notification-service", notificationPort, environment);
        newsletter = ServiceProcess.start("newsletter-service", newsletterPort, environment);
        booking.awaitReady();
        notification.awaitReady();
        newsletter.awaitReady();
    }

    @AfterAll
    static void stopServices() throws Exception {
        for (ServiceProcess service : new ServiceProcess[] { booking, notification, newsletter }) {
            if (service != null) {
                service.close();
            }
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aClientBooksAWeeklySeriesThroughThePageAndGetsOneConfirmationWithEverySession() throws Exception {
        WebDriver driver = browser.driver();
        driver.get(baseUrl + "/book");
        // the page takes the browser's time zone without being told
        await().atMost(Waits.PAGE)
            .until(() -> URLDecoder.decode(driver.getCurrentUrl(), StandardCharsets.UTF_8).contains("tz=" + CLIENT_ZONE));
        assertThat(new Select(driver.findElement(By.id("timeZone"))).getFirstSelectedOption().getText()).isEqualTo(CLIENT_ZONE);
        assertThat(driver.findElement(By.id("sessionType")).getText()).contains("60 minutes: 45 minutes of hands-on",
                "75 minutes: 60 minutes of hands-on");
        assertThat(driver.findElement(By.id("why-we-ask")).getText()).contains("Why we ask");
        checkAccessibility("book");

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
        checkAccessibility("book-with-errors");

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
        checkAccessibility("booked");

        // one confirmation for the series: every session with its own manage link, one calendar file of five events
        MimeMessage confirmation = awaitEmails("ada@example.com", 1).get(0);
        assertThat(confirmation.getSubject()).startsWith("Confirmed: your weekly series of 5 CranioSacral sessions from");
        assertThat(text(confirmation)).contains("75 minutes", "Eastern Standard Time (America/New_York)", "Ada Lovelace",
                "1. ", "5. ");
        assertThat(text(confirmation).split(baseUrl + "/bookings/")).hasSize(6);
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
        checkAccessibility("cancel-series");
        navigate(driver, driver.findElement(By.id("confirm-cancel-rest")));
        awaitStatus(driver, "Your session and the later sessions of your series are cancelled");
        assertThat(driver.findElements(By.cssSelector("section ol li"))).extracting(WebElement::getText)
            .filteredOn((session) -> session.endsWith(": cancelled")).hasSize(3);
        assertThat(awaitEmails("ada@example.com", 4).subList(1, 4)).extracting(MimeMessage::getSubject)
            .allSatisfy((subject) -> assertThat(subject).startsWith("Cancelled:"));
        assertThat(chosen).isNotBlank();
    }

    @Test
    void aTimeBookedMeanwhileIsSaidAndTheNearestFreeTimesAreOffered() throws Exception {
        WebDriver driver = browser.driver();
        driver.get(baseUrl + "/book?tz=" + CLIENT_ZONE);
        laterWeek(driver);
        laterWeek(driver);
        driver.findElement(By.id("name")).sendKeys("Late Comer");
        driver.findElement(By.id("email")).sendKeys("late@example.com");
        answerNoToEveryHealthQuestion(driver);
        WebElement wanted = firstFreeTime(driver);
        String startsAt = wanted.getAttribute("value");
        wanted.click();
        // someone else takes the same time while the form is being filled in
        HttpResponse<String> other = booking.post("/api/bookings", """
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
        checkAccessibility("time-taken");
        nearest.get(0).click();
        navigate(driver, driver.findElement(By.id("book")));
        awaitStatus(driver, "your booking is confirmed");
        assertThat(awaitEmails("late@example.com", 1).get(0).getSubject()).startsWith("Confirmed:");
    }

    @Test
    void withoutJavaScriptAClientChoosesTheirZoneBooksAndCancels() throws Exception {
        WebDriver driver = plainBrowser.driver();
        driver.get(baseUrl + "/book");
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
        assertThat(awaitEmails("plain@example.com", 1).get(0).getSubject()).startsWith("Confirmed:");

        navigate(driver, driver.findElement(By.id("cancel-link")));
        navigate(driver, driver.findElement(By.id("confirm-cancel")));
        awaitStatus(driver, "Your session is cancelled");
        assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("Cancelled");
        MimeMessage cancelled = awaitEmails("plain@example.com", 2).get(1);
        assertThat(cancelled.getSubject()).startsWith("Cancelled:");
        assertThat(text(cancelled)).contains("(Asia/Tokyo)");
    }

    @Test
    void theEmailedManageLinkMovesTheSessionAndTheNoticeArrives() throws Exception {
        String link = manageLinkOf(bookThroughThePage("grace@example.com", false));
        WebDriver driver = browser.driver();
        driver.get(link);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Your session");
        assertThat(driver.findElement(By.id("main")).getText()).contains("up to 24 hours before it starts");
        checkAccessibility("manage");

        // a week on: the first free time of this week may be inside the notice period, after which the move could not
        // be undone online, and the page rightly offers no cancel link
        laterWeek(driver);
        WebElement newTime = firstFreeTime(driver);
        String label = newTime.findElement(By.xpath("..")).getText();
        newTime.click();
        navigate(driver, driver.findElement(By.id("move")));

        awaitStatus(driver, "Your session is moved");
        checkAccessibility("moved");
        navigate(driver, driver.findElement(By.id("cancel-link")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Cancel your session?");
        checkAccessibility("cancel");
        navigate(driver, driver.findElement(By.linkText("No, keep it")));
        assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("Confirmed");
        MimeMessage moved = awaitEmails("grace@example.com", 2).get(1);
        assertThat(moved.getSubject()).startsWith("Moved: your CranioSacral session is now on");
        assertThat(moved.getSubject()).contains(label.substring(0, 5));
    }

    @Test
    void aTamperedManageLinkIsRefused() throws Exception {
        String link = manageLinkOf(bookThroughThePage("mallory@example.com", false));
        String tampered = link.substring(0, link.length() - 2) + (link.endsWith("A") ? "BB" : "AA");
        WebDriver driver = browser.driver();
        driver.get(tampered);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("This link is not valid");
        assertThat(driver.getPageSource()).doesNotContain("mallory", "Move my session");
        checkAccessibility("link-refused");
        HttpResponse<String> response = booking.get(URI.create(tampered).getRawPath() + "?" + URI.create(tampered).getRawQuery());
        assertThat(response.statusCode()).isEqualTo(403);
        String otherBooking = link.replaceAll("/bookings/[0-9a-f-]{36}/", "/bookings/00000000-0000-0000-0000-000000000000/");
        assertThat(booking.get(URI.create(otherBooking).getRawPath() + "?" + URI.create(otherBooking).getRawQuery())
            .statusCode()).isEqualTo(403);
    }

    @Test
    void thePractitionerApprovesOneHeldBookingAndDeclinesAnotherAndEachClientIsTold() throws Exception {
        bookThroughThePage("held.approve@example.com", true);
        bookThroughThePage("held.decline@example.com", true);
        OffsetDateTime seriesStart = LocalDate.now(PRACTICE).plusWeeks(5).with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY))
            .atTime(17, 0).atZone(PRACTICE).toOffsetDateTime();
        HttpResponse<String> series = booking.post("/api/booking-series", """
                {"client": {"name": "Series Client", "email": "held.series@example.com", "timeZone": "Europe/London"},
                 "sessionType": "CST_60", "startsAt": "%s", "sessions": 5,
                 "screening": {"aneurysm": true, "cerebralHemorrhage": false, "bleedingDisorder": false, "intracranialPressure": false}}
                """.formatted(seriesStart));
        assertThat(series.statusCode()).as(series.body()).isEqualTo(201);
        WebDriver driver = browser.driver();
        driver.get(baseUrl + "/staff/review");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Staff sign-in");
        checkAccessibility("sign-in");
        driver.findElement(By.id("username")).sendKeys("staff");
        driver.findElement(By.id("password")).sendKeys(STAFF_PASSWORD);
        navigate(driver, driver.findElement(By.id("sign-in")));
        driver.get(baseUrl + "/staff/review");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("held.approve@example.com",
                "held.decline@example.com", "a recent aneurysm");
        checkAccessibility("review");

        navigate(driver, driver.findElement(By.xpath("//button[normalize-space()='Approve all 5 held sessions of this series']")));
        awaitStatus(driver, "Approved 5 sessions of Series Client's weekly series");
        decide(driver, "held.approve@example.com", "Approve");
        awaitStatus(driver, "Approved: ");
        decide(driver, "held.decline@example.com", "Decline");
        awaitStatus(driver, "Declined: ");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Nothing waits for review");

        MimeMessage confirmed = awaitEmails("held.approve@example.com", 2).get(1);
        assertThat(confirmed.getSubject()).startsWith("Confirmed:");
        MimeMessage declined = awaitEmails("held.decline@example.com", 2).get(1);
        assertThat(declined.getSubject()).startsWith("About your booking request for");
        // the series: one email saying it is held, one with the decision on all five sessions
        List<MimeMessage> seriesEmails = awaitEmails("held.series@example.com", 2);
        assertThat(seriesEmails).extracting(MimeMessage::getSubject).satisfiesExactly(
                (first) -> assertThat(first).startsWith("We have your request for a weekly series of 5"),
                (second) -> assertThat(second).startsWith("Confirmed: your weekly series of 5"));
        // the practice heard of the held booking once, with a link to review it and no health detail
        await().atMost(Waits.STEP).until(() -> alertsAbout("held.approve@example.com").size() == 1);
        MimeMessage alert = alertsAbout("held.approve@example.com").get(0);
        assertThat(alert.getSubject()).startsWith("To review: a booking request from");
        assertThat(text(alert)).contains("/staff/review");
        for (MimeMessage email : List.of(confirmed, declined, alert)) {
            assertThat(ReceivedEmails.source(email).toLowerCase()).doesNotContain("aneurysm", "haemorrhage", "bleeding",
                    "intracranial");
        }

        // the approved session is in the diary of its week; the declined one is not
        String day = confirmed.getSubject().replaceAll(".* on (\\w+ \\d+ \\w+ \\d{4}) at .*", "$1");
        driver.get(baseUrl + "/staff/schedule?week=" + LocalDate.parse(day, DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK)));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Schedule");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("held.approve@example.com")
            .doesNotContain("held.decline@example.com");
        checkAccessibility("schedule");
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
        driver.get(manageLinkOf(bookThroughThePage(address, false)));
        navigate(driver, driver.findElement(By.id("preferences-link")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Your emails");
        assertThat(driver.findElement(By.id("checkIn")).isSelected()).isTrue();
        checkAccessibility("preferences");
        driver.findElement(By.id("checkIn")).click();
        navigate(driver, driver.findElement(By.id("save")));
        awaitStatus(driver, "Saved. Your choice applies to every session");
        assertThat(driver.findElement(By.id("checkIn")).isSelected()).isFalse();
        assertThat(driver.findElement(By.id("aftercare")).isSelected()).isTrue();

        OffsetDateTime later = LocalDate.now(PRACTICE).plusWeeks(7).with(TemporalAdjusters.next(DayOfWeek.THURSDAY))
            .atTime(10, 0).atZone(PRACTICE).toOffsetDateTime();
        HttpResponse<String> second = booking.post("/api/bookings", """
                {"client": {"name": "Test Client", "email": "%s", "timeZone": "Europe/London"},
                 "sessionType": "CST_60", "startsAt": "%s",
                 "screening": {"aneurysm": false, "cerebralHemorrhage": false, "bleedingDisorder": false, "intracranialPressure": false}}
                """.formatted(address, later));
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        await().atMost(Waits.STEP).until(() -> ledger.count("select count(*) from notification.notification "
                + "where recipient = ? and kind = 'INTEGRATION_CHECK_IN' and status = 'SKIPPED' "
                + "and reason = 'the client turned this email off'", address) == 2);
        assertThat(ledger.count("select count(*) from notification.notification where recipient = ? "
                + "and kind = 'INTEGRATION_CHECK_IN' and status <> 'SKIPPED'", address)).isZero();
        assertThat(ledger.count("select count(*) from notification.scheduled_tasks t join notification.notification n "
                + "on t.task_instance = n.id::text where n.recipient = ? and n.kind = 'INTEGRATION_CHECK_IN'", address))
            .isZero();
        assertThat(ledger.count("select count(*) from notification.notification where recipient = ? "
                + "and kind = 'AFTERCARE' and status = 'SCHEDULED'", address)).isEqualTo(2);
        awaitEmails(address, 2);
    }

    /**
     * One sign-in, at any of the services, reaches every staff page of all three (their sessions are shared through
     * PostgreSQL, under one cookie), from the one staff home; signing out of one signs out of all.
     */
    @Test
    void oneSignInReachesEveryStaffPageOfEveryService() throws Exception {
        WebDriver driver = browser.driver();
        driver.get(baseUrl + "/staff/login");
        driver.manage().deleteAllCookies();
        driver.get(newsletterUrl + "/staff/newsletter");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Staff sign-in");
        driver.get(baseUrl + "/staff");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Staff sign-in");
        driver.findElement(By.id("username")).sendKeys("staff");
        driver.findElement(By.id("password")).sendKeys(STAFF_PASSWORD);
        navigate(driver, driver.findElement(By.id("sign-in")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Stillpoint staff");
        checkAccessibility("staff-home");

        Map<String, String> pages = Map.of("schedule-page", "Schedule", "review-page", "Held for review",
                "newsletter-page", "Newsletter issues", "subscribers-page", "Subscribers", "ops-page",
                "Topics and consumer lag");
        for (Map.Entry<String, String> page : pages.entrySet()) {
            driver.get(baseUrl + "/staff");
            navigate(driver, driver.findElement(By.id(page.getKey())));
            assertThat(driver.findElement(By.tagName("h1")).getText()).as(page.getKey()).isEqualTo(page.getValue());
        }

        // signed out from the newsletter's pages: the schedule asks for the sign-in again
        driver.get(newsletterUrl + "/staff/newsletter");
        navigate(driver, driver.findElement(By.xpath("//button[normalize-space()='Sign out']")));
        driver.get(baseUrl + "/staff/schedule");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Staff sign-in");
    }

    /**
     * Two clients join the waitlist from the booking page for a day that is full; the booking holding its time is
     * cancelled, and each is offered it by email; the first books it from the email in one click, and the second is
     * told it went, by email and on the offer's page.
     */
    @Test
    void aWaitlistedClientBooksACancelledTimeFromTheEmailWhileTheOtherIsToldItWent() throws Exception {
        ZonedDateTime freed = LocalDate.now(PRACTICE).plusWeeks(9).with(TemporalAdjusters.next(DayOfWeek.TUESDAY))
            .atTime(14, 0).atZone(PRACTICE);
        HttpResponse<String> holder = booking.post("/api/bookings", """
                {"client": {"name": "Holder", "email": "holder@example.com", "timeZone": "Europe/London"},
                 "sessionType": "CST_60", "startsAt": "%s",
                 "screening": {"aneurysm": false, "cerebralHemorrhage": false, "bleedingDisorder": false, "intracranialPressure": false}}
                """.formatted(freed.toOffsetDateTime()));
        assertThat(holder.statusCode()).as(holder.body()).isEqualTo(201);
        String day = freed.withZoneSameInstant(ZoneId.of(CLIENT_ZONE)).toLocalDate().toString();
        joinWaitlist("waiting.first@example.com", day, true);
        joinWaitlist("waiting.second@example.com", day, false);

        String holderId = holder.body().replaceAll("(?s).*?\"id\":\"([0-9a-f-]{36})\".*", "$1");
        String holderToken = holder.body().replaceAll("(?s).*\"manageToken\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> cancelled = booking.post("/api/bookings/" + holderId + "/cancel", null,
                "X-Manage-Token", holderToken);
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);

        MimeMessage firstOffer = awaitEmails("waiting.first@example.com", 1).get(0);
        MimeMessage secondOffer = awaitEmails("waiting.second@example.com", 1).get(0);
        assertThat(firstOffer.getSubject()).startsWith("A time came free: ");
        WebDriver driver = browser.driver();
        driver.get(offerLinkOf(firstOffer));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("A time came free");
        checkAccessibility("waitlist-offer");
        navigate(driver, driver.findElement(By.id("take")));
        awaitStatus(driver, "your booking is confirmed");
        assertThat(awaitEmails("waiting.first@example.com", 2).get(1).getSubject()).startsWith("Confirmed:");

        MimeMessage went = awaitEmails("waiting.second@example.com", 2).get(1);
        assertThat(went.getSubject()).startsWith("Taken: the time on ");
        assertThat(text(went)).contains("booked by someone else", "still on the waitlist");
        driver.get(offerLinkOf(secondOffer));
        assertThat(driver.findElement(By.id("gone")).getText()).contains("someone else booked this time first");
        assertThat(driver.findElements(By.id("take"))).isEmpty();
    }

    /** Joins the waitlist from the booking page's link, for one day at the default times (09:00 to 17:00, New York). */
    private static void joinWaitlist(String address, String day, boolean checkPage) throws Exception {
        WebDriver driver = browser.driver();
        driver.get(baseUrl + "/book?tz=" + CLIENT_ZONE);
        navigate(driver, driver.findElement(By.id("waitlist-link")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Join the waitlist");
        if (checkPage) {
            checkAccessibility("waitlist");
        }
        for (String field : List.of("firstDay", "lastDay")) {
            ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]",
                    driver.findElement(By.id(field)), day);
        }
        driver.findElement(By.id("name")).sendKeys("Waiting Client");
        driver.findElement(By.id("email")).sendKeys(address);
        answerNoToEveryHealthQuestion(driver);
        navigate(driver, driver.findElement(By.id("join")));
        awaitStatus(driver, "When a time that suits you comes free");
    }

    private static String offerLinkOf(MimeMessage email) throws Exception {
        Matcher link = Pattern.compile("http://localhost:\\d+/waitlist/offers/[0-9a-f-]{36}\\?token=[A-Za-z0-9_.-]+")
            .matcher(text(email));
        assertThat(link.find()).as("an offer link in " + email.getSubject()).isTrue();
        return link.group();
    }

    /** Books one session through the page, in a week from now; returns the confirmation or held notice. */
    private static MimeMessage bookThroughThePage(String address, boolean heldForReview) throws Exception {
        WebDriver driver = browser.driver();
        driver.get(baseUrl + "/book?tz=" + CLIENT_ZONE);
        laterWeek(driver);
        driver.findElement(By.id("name")).sendKeys("Test Client");
        driver.findElement(By.id("email")).sendKeys(address);
        answerNoToEveryHealthQuestion(driver);
        if (heldForReview) {
            driver.findElement(By.id("aneurysm-yes")).click();
        }
        firstFreeTime(driver).click();
        navigate(driver, driver.findElement(By.id("book")));
        awaitStatus(driver, heldForReview ? "we have your booking request" : "your booking is confirmed");
        return awaitEmails(address, 1).get(0);
    }

    private static void checkAccessibility(String page) {
        browser.capture(page);
        assertThat(AxeCore.violations(browser.driver())).as("axe-core on the " + page + " page").isEmpty();
    }

    /** The practice's emails (at its default address) that name {@code client}. */
    private static List<MimeMessage> alertsAbout(String client) {
        return Arrays.stream(smtp.getReceivedMessages()).filter((message) -> {
            try {
                return Arrays.toString(message.getAllRecipients()).contains("hello@stillpoint.example")
                        && text(message).contains(client);
            }
            catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }).toList();
    }

    private static List<MimeMessage> awaitEmails(String address, int count) {
        return ledger.awaitEmails(address, count);
    }

}
