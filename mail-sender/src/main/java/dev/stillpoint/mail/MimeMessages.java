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
import jakarta.mail.internet.InternetHeaders;
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

    /**
     * A text part written as it will travel: plain ASCII as it is, anything else quoted-printable, encoded here in
     * one pass. (Given a String, Jakarta Mail encodes the whole part once just to choose its transfer encoding, then
     * again through streams that pass every byte on one at a time: the two largest costs of sending, measured with
     * JFR.) A part made of encoded bytes is written out in blocks as it is.
     */
    private static MimeBodyPart textPart(String content, String subtype) throws MessagingException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        String encoding = transferEncoding(bytes);
        InternetHeaders headers = new InternetHeaders();
        headers.setHeader("Content-Type", "text/" + subtype + "; charset=UTF-8");
        headers.setHeader("Content-Transfer-Encoding", encoding);
        return new MimeBodyPart(headers, "7bit".equals(encoding) ? bytes : QuotedPrintable.encode(bytes));
    }

    /** {@code 7bit} for ASCII in lines SMTP accepts as they are (at most 998 bytes), else quoted-printable. */
    static String transferEncoding(byte[] content) {
        int line = 0;
        for (int i = 0; i < content.length; i++) {
            byte b = content[i];
            if (b < 0 || b == 0 || (b == '\r' && (i + 1 == content.length || content[i + 1] != '\n'))) {
                return "quoted-printable";
            }
            line = (b == '\n') ? 0 : line + 1;
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
