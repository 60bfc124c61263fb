package dev.stillpoint.localinfra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** A received email as the inbox shows it. */
record InboxMessage(int id, String messageId, String from, List<String> to, String subject, String receivedAt,
        String text, String html, List<Attachment> attachments) {

    record Attachment(String filename, String contentType, String content) {
    }

    static InboxMessage of(int id, MimeMessage message) {
        try {
            Parts parts = new Parts();
            parts.collect(message);
            List<String> to = Arrays.stream(message.getAllRecipients()).map(Address::toString).toList();
            String received = (message.getSentDate() != null) ? message.getSentDate().toInstant().toString() : "";
            return new InboxMessage(id, message.getMessageID(), Arrays.toString(message.getFrom()).replaceAll("^\\[|\\]$", ""),
                    to, message.getSubject(), received, parts.text, parts.html, parts.attachments);
        }
        catch (MessagingException | IOException ex) {
            throw new IllegalStateException("Cannot read message " + id, ex);
        }
    }

    private static final class Parts {

        private String text;

        private String html;

        private final List<Attachment> attachments = new ArrayList<>();

        void collect(Part part) throws MessagingException, IOException {
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
                this.attachments.add(new Attachment(part.getFileName(), part.getContentType(), read(part)));
            }
            else if (part.isMimeType("text/plain") && this.text == null) {
                this.text = (String) part.getContent();
            }
            else if (part.isMimeType("text/html") && this.html == null) {
                this.html = (String) part.getContent();
            }
            else if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child);
                }
            }
        }

        private static String read(Part part) throws MessagingException, IOException {
            try (InputStream in = part.getInputStream()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                in.transferTo(out);
                return out.toString(StandardCharsets.UTF_8);
            }
        }

    }

}
