package dev.stillpoint.embedded;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

import com.icegreen.greenmail.base.GreenMailOperations;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import static org.awaitility.Awaitility.await;

/** What a GreenMail SMTP server received, as tests assert on it. */
public final class ReceivedEmails {

    private ReceivedEmails() {
    }

    /**
     * Waits until at least {@code count} emails to {@code address} arrived, and returns them in the order they
     * arrived. It says nothing of copies that may still come: a test that claims "exactly" uses
     * {@link #waitForExactly}.
     */
    public static List<MimeMessage> waitFor(GreenMailOperations smtp, String address, int count) {
        return waitFor(smtp, address, count, Waits.emails(count));
    }

    /**
     * Waits until {@code count} emails to {@code address} arrived and {@code settled} says the sender holds nothing
     * more for the address (its queue or ledger has no email to it left to send), then checks that exactly
     * {@code count} arrived: a late duplicate fails the test instead of slipping past it.
     */
    public static List<MimeMessage> waitForExactly(GreenMailOperations smtp, String address, int count,
            BooleanSupplier settled) {
        await(count + " emails to " + address + ", and none left to send").atMost(Waits.emails(count))
            .until(() -> to(smtp, address).size() >= count && settled.getAsBoolean());
        List<MimeMessage> received = to(smtp, address);
        if (received.size() != count) {
            throw new AssertionError("Expected exactly " + count + " emails to " + address + " but " + received.size()
                    + " arrived: " + received.stream().map(ReceivedEmails::subject).toList());
        }
        return received;
    }

    /** As {@link #waitFor(GreenMailOperations, String, int)}, waiting at most {@code timeout}. */
    public static List<MimeMessage> waitFor(GreenMailOperations smtp, String address, int count, Duration timeout) {
        await().atMost(timeout).until(() -> to(smtp, address).size() >= count);
        return to(smtp, address);
    }

    public static List<MimeMessage> to(GreenMailOperations smtp, String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter((message) -> isTo(message, address)).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        }
        catch (MessagingException ex) {
            return "(" + ex.getMessage() + ")";
        }
    }

    /** The message as it went over the wire. */
    public static String source(MimeMessage message) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                .anyMatch((recipient) -> recipient.toString().contains(address));
        }
        catch (MessagingException ex) {
            return false;
        }
    }

}
