package dev.stillpoint.systemtests;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.stillpoint.embedded.AxeCore;
import dev.stillpoint.embedded.HeadlessBrowser;
import dev.stillpoint.embedded.KraftBroker;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import static dev.stillpoint.systemtests.BookingPages.answerNoToEveryHealthQuestion;
import static dev.stillpoint.systemtests.BookingPages.awaitStatus;
import static dev.stillpoint.systemtests.BookingPages.firstFreeTime;
import static dev.stillpoint.systemtests.BookingPages.laterWeek;
import static dev.stillpoint.systemtests.BookingPages.navigate;
import static dev.stillpoint.systemtests.BookingPages.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged booking-, notification- and newsletter-service behind the client's and the practitioner's pages,
 * started once for every page test class (JUnit's root store closes them at the end of the run), with what those
 * tests do often: book through the page, wait for a client's emails, check a page with axe-core.
 */
final class PagesServices implements BeforeAllCallback {

    static final String STAFF_PASSWORD = "browser-test-staff";

    /** The browsers' zone: a client abroad. */
    static final String CLIENT_ZONE = "America/New_York";

    static final ZoneId PRACTICE = ZoneId.of("Europe/London");

    private Running running;

    @Override
    public void beforeAll(ExtensionContext context) {
        this.running = context.getRoot().getStore(ExtensionContext.Namespace.create(PagesServices.class))
            .computeIfAbsent(Running.class, (key) -> new Running(), Running.class);
    }

    ServiceProcess booking() {
        return this.running.booking;
    }

    NotificationLedger ledger() {
        return this.running.ledger;
    }

    String baseUrl() {
        return this.running.baseUrl;
    }

    String newsletterUrl() {
        return this.running.newsletterUrl;
    }

    List<MimeMessage> awaitEmails(String address, int count) {
        return this.running.ledger.awaitEmails(address, count);
    }

    /** The practice's emails (at its default address) that name {@code client}. */
    List<MimeMessage> alertsAbout(String client) {
        return Arrays.stream(this.running.services.smtp().getReceivedMessages()).filter((message) -> {
            try {
                return Arrays.toString(message.getAllRecipients()).contains("hello@stillpoint.example")
                        && text(message).contains(client);
            }
            catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }).toList();
    }

    /** Books one session through the page, in a week from now; returns the confirmation or held notice. */
    MimeMessage bookThroughThePage(HeadlessBrowser browser, String address, boolean heldForReview) throws Exception {
        WebDriver driver = browser.driver();
        driver.get(baseUrl() + "/book?tz=" + CLIENT_ZONE);
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

    static void checkAccessibility(HeadlessBrowser browser, String page) {
        browser.capture(page);
        assertThat(AxeCore.violations(browser.driver())).as("axe-core on the " + page + " page").isEmpty();
    }

    private static final class Running implements AutoCloseable {

        private final PackagedServices services;

        private final NotificationLedger ledger;

        private final ServiceProcess booking;

        private final String baseUrl;

        private final String newsletterUrl;

        Running() {
            this.services = PackagedServices.start("pages", false);
            this.ledger = this.services.ledger();
            int bookingPort = KraftBroker.freePort();
            int notificationPort = KraftBroker.freePort();
            int newsletterPort = KraftBroker.freePort();
            this.baseUrl = "http://localhost:" + bookingPort;
            this.newsletterUrl = "http://localhost:" + newsletterPort;
            this.services.with(Map.of(
                    "STILLPOINT_STAFF_PASSWORD", STAFF_PASSWORD,
                    "STILLPOINT_BOOKING_MANAGE_LINK_SECRET", "browser-test-secret",
                    "STILLPOINT_BOOKING_PUBLIC_BASE_URL", this.baseUrl,
                    // the staff home links to the other services' pages; the practitioner has the ops role too
                    "STILLPOINT_STAFF_HOME_NEWSLETTER", this.newsletterUrl + "/staff/newsletter",
                    "STILLPOINT_STAFF_HOME_OPS", "http://localhost:" + notificationPort + "/ops",
                    "STILLPOINT_OPS_USERNAME", "staff"));
            try {
                this.booking = this.services.launch("booking-service", bookingPort);
                this.services.launch("notification-service", notificationPort);
                this.services.launch("newsletter-service", newsletterPort);
                this.services.awaitReady();
            }
            catch (RuntimeException ex) {
                closeQuietly(this.services, ex);
                throw ex;
            }
        }

        private static void closeQuietly(PackagedServices services, RuntimeException failure) {
            try {
                services.close();
            }
            catch (Exception ex) {
                failure.addSuppressed(ex);
            }
        }

        @Override
        public void close() throws Exception {
            this.services.close();
        }

    }

}
