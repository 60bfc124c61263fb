package dev.stillpoint.systemtests;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.stillpoint.embedded.HeadlessBrowser;
import dev.stillpoint.embedded.ReceivedEmails;
import dev.stillpoint.embedded.Waits;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import static dev.stillpoint.systemtests.BookingPages.awaitStatus;
import static dev.stillpoint.systemtests.BookingPages.decide;
import static dev.stillpoint.systemtests.BookingPages.navigate;
import static dev.stillpoint.systemtests.BookingPages.text;
import static dev.stillpoint.systemtests.PagesServices.CLIENT_ZONE;
import static dev.stillpoint.systemtests.PagesServices.PRACTICE;
import static dev.stillpoint.systemtests.PagesServices.STAFF_PASSWORD;
import static dev.stillpoint.systemtests.PagesServices.checkAccessibility;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The practitioner's pages in a real headless Chromium: reviewing held bookings, the schedule, and one sign-in
 * across the services' staff pages. Every page is checked with axe-core.
 */
class StaffPagesBrowserTests {

    @RegisterExtension
    static final PagesServices pages = new PagesServices();

    @RegisterExtension
    static final HeadlessBrowser browser = HeadlessBrowser.inTimeZone(CLIENT_ZONE);

    @Test
    void thePractitionerApprovesOneHeldBookingAndDeclinesAnotherAndEachClientIsTold() throws Exception {
        pages.bookThroughThePage(browser, "held.approve@example.com", true);
        pages.bookThroughThePage(browser, "held.decline@example.com", true);
        OffsetDateTime seriesStart = LocalDate.now(PRACTICE).plusWeeks(5).with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY))
            .atTime(17, 0).atZone(PRACTICE).toOffsetDateTime();
        HttpResponse<String> series = pages.booking().post("/api/booking-series", """
                {"client": {"name": "Series Client", "email": "held.series@example.com", "timeZone": "Europe/London"},
                 "sessionType": "CST_60", "startsAt": "%s", "sessions": 5,
                 "screening": {"aneurysm": true, "cerebralHemorrhage": false, "bleedingDisorder": false, "intracranialPressure": false}}
                """.formatted(seriesStart));
        assertThat(series.statusCode()).as(series.body()).isEqualTo(201);
        WebDriver driver = browser.driver();
        driver.get(pages.baseUrl() + "/staff/review");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Staff sign-in");
        checkAccessibility(browser, "sign-in");
        driver.findElement(By.id("username")).sendKeys("staff");
        driver.findElement(By.id("password")).sendKeys(STAFF_PASSWORD);
        navigate(driver, driver.findElement(By.id("sign-in")));
        driver.get(pages.baseUrl() + "/staff/review");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("held.approve@example.com",
                "held.decline@example.com", "a recent aneurysm");
        checkAccessibility(browser, "review");

        navigate(driver, driver.findElement(By.xpath("//button[normalize-space()='Approve all 5 held sessions of this series']")));
        awaitStatus(driver, "Approved 5 sessions of Series Client's weekly series");
        decide(driver, "held.approve@example.com", "Approve");
        awaitStatus(driver, "Approved: ");
        decide(driver, "held.decline@example.com", "Decline");
        awaitStatus(driver, "Declined: ");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Nothing waits for review");

        MimeMessage confirmed = pages.awaitEmails("held.approve@example.com", 2).get(1);
        assertThat(confirmed.getSubject()).startsWith("Confirmed:");
        MimeMessage declined = pages.awaitEmails("held.decline@example.com", 2).get(1);
        assertThat(declined.getSubject()).startsWith("About your booking request for");
        // the series: one email saying it is held, one with the decision on all five sessions
        List<MimeMessage> seriesEmails = pages.awaitEmails("held.series@example.com", 2);
        assertThat(seriesEmails).extracting(MimeMessage::getSubject).satisfiesExactly(
                (first) -> assertThat(first).startsWith("We have your request for a weekly series of 5"),
                (second) -> assertThat(second).startsWith("Confirmed: your weekly series of 5"));
        // the practice heard of the held booking once, with a link to review it and no health detail
        await().atMost(Waits.STEP).until(() -> pages.alertsAbout("held.approve@example.com").size() == 1);
        MimeMessage alert = pages.alertsAbout("held.approve@example.com").get(0);
        assertThat(alert.getSubject()).startsWith("To review: a booking request from");
        assertThat(text(alert)).contains("/staff/review");
        for (MimeMessage email : List.of(confirmed, declined, alert)) {
            assertThat(ReceivedEmails.source(email).toLowerCase()).doesNotContain("aneurysm", "haemorrhage", "bleeding",
                    "intracranial");
        }

        // the approved session is in the diary of its week; the declined one is not
        String day = confirmed.getSubject().replaceAll(".* on (\\w+ \\d+ \\w+ \\d{4}) at .*", "$1");
        driver.get(pages.baseUrl() + "/staff/schedule?week=" + LocalDate.parse(day, DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK)));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Schedule");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("held.approve@example.com")
            .doesNotContain("held.decline@example.com");
        checkAccessibility(browser, "schedule");
    }

    /**
     * One sign-in, at any of the services, reaches every staff page of all three (their sessions are shared through
     * PostgreSQL, under one cookie), from the one staff home; signing out of one signs out of all.
     */
    @Test
    void oneSignInReachesEveryStaffPageOfEveryService() throws Exception {
        WebDriver driver = browser.driver();
        driver.get(pages.baseUrl() + "/staff/login");
        driver.manage().deleteAllCookies();
        driver.get(pages.newsletterUrl() + "/staff/newsletter");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Staff sign-in");
        driver.get(pages.baseUrl() + "/staff");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Staff sign-in");
        driver.findElement(By.id("username")).sendKeys("staff");
        driver.findElement(By.id("password")).sendKeys(STAFF_PASSWORD);
        navigate(driver, driver.findElement(By.id("sign-in")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Stillpoint staff");
        checkAccessibility(browser, "staff-home");

        Map<String, String> staffPages = Map.of("schedule-page", "Schedule", "review-page", "Held for review",
                "newsletter-page", "Newsletter issues", "subscribers-page", "Subscribers", "ops-page",
                "Topics and consumer lag");
        for (Map.Entry<String, String> page : staffPages.entrySet()) {
            driver.get(pages.baseUrl() + "/staff");
            navigate(driver, driver.findElement(By.id(page.getKey())));
            assertThat(driver.findElement(By.tagName("h1")).getText()).as(page.getKey()).isEqualTo(page.getValue());
        }

        // signed out from the newsletter's pages: the schedule asks for the sign-in again
        driver.get(pages.newsletterUrl() + "/staff/newsletter");
        navigate(driver, driver.findElement(By.xpath("//button[normalize-space()='Sign out']")));
        driver.get(pages.baseUrl() + "/staff/schedule");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Staff sign-in");
    }

}
