package dev.stillpoint.systemtests;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.stillpoint.embedded.Waits;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What a person does on booking-service's pages, and reads in its emails, as steps for the browser tests. */
final class BookingPages {

    private static final Pattern MANAGE_LINK = Pattern
        .compile("http://localhost:\\d+/bookings/[0-9a-f-]{36}/manage\\?token=[A-Za-z0-9_.-]+");

    private BookingPages() {
    }

    /** Clicks a button that loads the next page, and waits until the page it was on is gone. */
    static void navigate(WebDriver driver, WebElement button) {
        button.click();
        new WebDriverWait(driver, Waits.PAGE).until((ignored) -> {
            try {
                button.isEnabled();
                return false;
            }
            catch (StaleElementReferenceException ex) {
                return true;
            }
            catch (WebDriverException ex) {
                // asked while the old page is being torn down
                return String.valueOf(ex.getMessage()).contains("does not belong to the document");
            }
        });
    }

    /** Waits for the page's status message to say {@code text}. */
    static void awaitStatus(WebDriver driver, String text) {
        await().atMost(Waits.PAGE).ignoreExceptions()
            .until(() -> driver.findElement(By.cssSelector("[role=status]")).getText().contains(text));
    }

    static void laterWeek(WebDriver driver) {
        navigate(driver, driver.findElement(By.xpath("//button[normalize-space()='Later week']")));
    }

    static WebElement firstFreeTime(WebDriver driver) {
        return driver.findElement(By.cssSelector(".days input[name=startsAt]"));
    }

    static void answerNoToEveryHealthQuestion(WebDriver driver) {
        for (String question : List.of("aneurysm", "cerebralHemorrhage", "bleedingDisorder", "intracranialPressure")) {
            driver.findElement(By.id(question + "-no")).click();
        }
    }

    /** On the review page, approves or declines the held booking of {@code client}. */
    static void decide(WebDriver driver, String client, String decision) {
        WebElement button = driver.findElements(By.cssSelector("tbody tr")).stream()
            .filter((row) -> row.getText().contains(client))
            .findFirst().orElseThrow()
            .findElement(By.xpath(".//button[normalize-space()='" + decision + "']"));
        navigate(driver, button);
    }

    static String manageLinkOf(Part email) throws Exception {
        Matcher link = MANAGE_LINK.matcher(text(email));
        assertThat(link.find()).as("a manage link in the email").isTrue();
        return link.group();
    }

    /** The plain-text part, decoded. */
    static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = text(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

}
