package dev.stillpoint.mail;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * Builds MIME messages directly on Jakarta Mail: multipart/alternative (text, HTML), wrapped in multipart/mixed when
 * there are attachments, with our own Message-ID. (Spring's {@code MimeMessageHelper} on a plain {@code MimeMessage}
 * would re-read {@code mime.types} for every message.)
 */
final class MimeMessages {

    private MimeMessages() {
    }

    static MimeMessage build(Session session, InternetAddress from, OutgoingEmail email) throws MailDeliveryException {
        try {
            MimeMessage message = new IdentifiedMimeMessage(session, email.messageId());
            message.setFrom(from);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(email.to(), email.toName(), "UTF-8"));
            message.setSubject(email.subject(), "UTF-8");
            for (Map.Entry<String, String> header : email.headers().entrySet()) {
                message.setHeader(header.getKey(), header.getValue());
            }
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(textPart(email.text(), "plain"));
            alternative.addBodyPart(textPart(email.html(), "html"));
            if (email.attachments().isEmpty()) {
                message.setContent(alternative);
            }
            else {
                MimeMultipart mixed = new MimeMultipart("mixed");
                MimeBodyPart body = new MimeBodyPart();
                body.setContent(alternative);
                mixed.addBodyPart(body);
                for (OutgoingEmail.Attachment attachment : email.attachments()) {
                    MimeBodyPart part = new MimeBodyPart();
                    part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
                    part.setFileName(attachment.filename());
                    part.setDisposition(Part.ATTACHMENT);
                    mixed.addBodyPart(part);
                }
                message.setContent(mixed);
            }
            return message;
        }
        catch (MessagingException | UnsupportedEncodingException ex) {
            // an address or header the client gave that no server would take
            throw new MailDeliveryException("Could not build the message: " + ex.getMessage(), true, ex);
        }
    }

    private static MimeBodyPart textPart(String content, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(content, StandardCharsets.UTF_8.name(), subtype);
        // chosen here in one pass over the characters: left unset, Jakarta Mail would encode the whole part once more
        // just to find out (AsciiOutputStream), for every part of every email
        part.setHeader("Content-Transfer-Encoding", transferEncoding(content));
        return part;
    }

    /** {@code 7bit} for ASCII in lines SMTP accepts as they are (at most 998 characters), else quoted-printable. */
    static String transferEncoding(String content) {
        int line = 0;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c >= 128 || c == 0 || (c == '\r' && (i + 1 == content.length() || content.charAt(i + 1) != '\n'))) {
                return "quoted-printable";
            }
            line = (c == '\n') ? 0 : line + 1;
            if (line > 998) {
                return "quoted-printable";
            }
        }
        return "7bit";
    }

    /** Keeps the Message-ID we derived from the notification, where Jakarta Mail would make up a random one. */
    private static final class IdentifiedMimeMessage extends MimeMessage {

        private final String messageId;

        IdentifiedMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", this.messageId);
        }

    }

}
