package dev.stillpoint.notification.mail;

import java.util.List;

/**
 * An email ready to send: always both a plain-text and an HTML part.
 *
 * @param messageId the Message-ID header, angle brackets included; the same notification always has the same one
 */
public record OutgoingEmail(String messageId, String to, String toName, String subject, String text, String html,
        List<Attachment> attachments) {

    public record Attachment(String filename, String contentType, byte[] content) {
    }

}
