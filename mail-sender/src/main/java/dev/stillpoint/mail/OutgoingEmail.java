package dev.stillpoint.mail;

import java.util.List;
import java.util.Map;

/**
 * An email ready to send: always both a plain-text and an HTML part.
 *
 * @param messageId the Message-ID header, angle brackets included; the same notification always has the same one
 * @param to the recipient's address, or several separated by commas (then without {@code toName})
 * @param toName the recipient's name
 * @param subject the subject line
 * @param text the plain-text part
 * @param html the HTML part
 * @param attachments files attached beside the two parts; a calendar invitation ({@code text/calendar} with a
 * {@code method} parameter) is also written as a third alternative to them, as Outlook expects
 * @param headers further headers, e.g. {@code List-Unsubscribe}, in the order given
 */
public record OutgoingEmail(String messageId, String to, String toName, String subject, String text, String html,
        List<Attachment> attachments, Map<String, String> headers) {

    /** An email with no further headers. */
    public OutgoingEmail(String messageId, String to, String toName, String subject, String text, String html,
            List<Attachment> attachments) {
        this(messageId, to, toName, subject, text, html, attachments, Map.of());
    }

    public record Attachment(String filename, String contentType, byte[] content) {
    }

}
