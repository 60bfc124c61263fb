package dev.stillpoint.systemtests;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.stillpoint.embedded.HeadlessBrowser;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import static dev.stillpoint.systemtests.BookingPages.answerNoToEveryHealthQuestion;
import static dev.stillpoint.systemtests.BookingPages.awaitStatus;
import static dev.stillpoint.systemtests.BookingPages.navigate;
import static dev.stillpoint.systemtests.BookingPages.text;
import static dev.stillpoint.systemtests.PagesServices.CLIENT_ZONE;
import static dev.stillpoint.systemtests.PagesServices.PRACTICE;
import static dev.stillpoint.systemtests.PagesServices.checkAccessibility;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The waitlist in a real headless Chromium: joining it from the booking page, and an offer taken in one click from
 * its email while the other client is told the time went. Every page is checked with axe-core.
 */
class WaitlistPagesBrowserTests {

    @RegisterExtension
    static final PagesServices pages = new PagesServices();

    @RegisterExtension
    static final HeadlessBrowser browser = HeadlessBrowser.inTimeZone(CLIENT_ZONE);

    /**
     * Two clients join the waitlist from the booking page for a day that is full; the booking holding its time is
     * cancelled, and each is offered it by email; the first books it from the email in one click, and the second is
     * told it went, by email and on the offer's page.
     */
    @Test
    void aWaitlistedClientBooksACancelledTimeFromTheEmailWhileTheOtherIsToldItWent() throws Exception {
        ZonedDateTime freed = LocalDate.now(PRACTICE).plusWeeks(9).with(TemporalAdjusters.next(DayOfWeek.TUESDAY))
            .atTime(14, 0).atZone(PRACTICE);
        HttpResponse<String> holder = pages.booking().post("/api/bookings", """
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
        HttpResponse<String> cancelled = pages.booking().post("/api/bookings/" + holderId + "/cancel", null,
                "X-Manage-Token", holderToken);
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);

        MimeMessage firstOffer = pages.awaitEmails("waiting.first@example.com", 1).get(0);
        MimeMessage secondOffer = pages.awaitEmails("waiting.second@example.com", 1).get(0);
        assertThat(firstOffer.getSubject()).startsWith("A time came free: ");
        WebDriver driver = browser.driver();
        driver.get(offerLinkOf(firstOffer));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("A time came free");
        checkAccessibility(browser, "waitlist-offer");
        navigate(driver, driver.findElement(By.id("take")));
        awaitStatus(driver, "your booking is confirmed");
        assertThat(pages.awaitEmails("waiting.first@example.com", 2).get(1).getSubject()).startsWith("Confirmed:");

        MimeMessage went = pages.awaitEmails("waiting.second@example.com", 2).get(1);
        assertThat(went.getSubject()).startsWith("Taken: the time on ");
        assertThat(text(went)).contains("booked by someone else", "still on the waitlist");
        driver.get(offerLinkOf(secondOffer));
        assertThat(driver.findElement(By.id("gone")).getText()).contains("someone else booked this time first");
        assertThat(driver.findElements(By.id("take"))).isEmpty();
    }

    /** Joins the waitlist from the booking page's link, for one day at the default times (09:00 to 17:00, New York). */
    private static void joinWaitlist(String address, String day, boolean checkPage) throws Exception {
        WebDriver driver = browser.driver();
        driver.get(pages.baseUrl() + "/book?tz=" + CLIENT_ZONE);
        navigate(driver, driver.findElement(By.id("waitlist-link")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Join the waitlist");
        if (checkPage) {
            checkAccessibility(browser, "waitlist");
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

}
