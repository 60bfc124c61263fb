package dev.stillpoint.embedded;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.base.GreenMailOperations;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import static org.awaitility.Awaitility.await;

/** What a GreenMail SMTP server received, as tests assert on it. */
public final class ReceivedEmails {

    private ReceivedEmails() {
    }

    /** Waits until {@code count} emails to {@code address} arrived, and returns them in the order they arrived. */
    public static List<MimeMessage> waitFor(GreenMailOperations smtp, String address, int count) {
        return waitFor(smtp, address, count, Duration.ofSeconds(60));
    }

    /** As {@link #waitFor(GreenMailOperations, String, int)}, waiting at most {@code timeout}. */
    public static List<MimeMessage> waitFor(GreenMailOperations smtp, String address, int count, Duration timeout) {
        await().atMost(timeout).until(() -> to(smtp, address).size() >= count);
        return to(smtp, address);
    }

    public static List<MimeMessage> to(GreenMailOperations smtp, String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter((message) -> isTo(message, address)).toList();
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
