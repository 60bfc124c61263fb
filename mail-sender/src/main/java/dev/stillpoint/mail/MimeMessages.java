package dev.stillpoint.mail;

import java.io.ByteArrayOutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * Writes MIME messages: multipart/alternative (text, HTML), wrapped in multipart/mixed when there are attachments, with
 * our own Message-ID. The body is written here as the bytes that travel ({@link WrittenMessage}); the headers are
 * Jakarta Mail's, which encodes names and subjects. (Spring's {@code MimeMessageHelper} on a plain {@code MimeMessage}
 * would re-read {@code mime.types} for every message.)
 */
final class MimeMessages {

    private MimeMessages() {
    }

    /** The From header as Jakarta Mail writes it for {@code setFrom}: encoded, and folded after its name. */
    static String fromHeader(InternetAddress from) {
        return InternetAddress.toString(new Address[] { from }, "From: ".length());
    }

    /** The Reply-To header as Jakarta Mail writes it for {@code setReplyTo}. */
    static String replyToHeader(InternetAddress replyTo) {
        return InternetAddress.toString(new Address[] { replyTo }, "Reply-To: ".length());
    }

    /**
     * @param from the From header, as {@link #fromHeader} writes it
     * @param replyTo the Reply-To header, as {@link #replyToHeader} writes it, or {@code null}
     */
    static MimeMessage build(Session session, String from, String replyTo, OutgoingEmail email)
            throws MailDeliveryException {
        try {
            String alternative = WrittenMessage.boundary();
            Body body = new Body();
            String contentType;
            if (email.attachments().isEmpty()) {
                contentType = multipart("alternative", alternative);
                alternatives(body, alternative, email);
            }
            else {
                String mixed = WrittenMessage.boundary();
                contentType = multipart("mixed", mixed);
                body.boundary(mixed).header("Content-Type", multipart("alternative", alternative)).line("");
                alternatives(body, alternative, email);
                for (OutgoingEmail.Attachment attachment : email.attachments()) {
                    body.boundary(mixed);
                    attachment(body, attachment);
                }
                body.end(mixed);
            }
            MimeMessage message = new WrittenMessage(session, email.messageId(), contentType, body.bytes());
            message.setHeader("From", from);
            if (email.to().indexOf(',') >= 0) {
                message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(email.to(), true));
            }
            else {
                message.setRecipient(Message.RecipientType.TO, new InternetAddress(email.to(), email.toName(), "UTF-8"));
            }
            message.setSubject(email.subject(), "UTF-8");
            if (replyTo != null) {
                message.setHeader("Reply-To", replyTo);
            }
            message.setHeader("Auto-Submitted", SenderIdentity.AUTO_SUBMITTED);
            for (Map.Entry<String, String> header : email.headers().entrySet()) {
                message.setHeader(header.getKey(), header.getValue());
            }
            return message;
        }
        catch (MessagingException | UnsupportedEncodingException ex) {
            // an address or header the client gave that no server would take
            throw new MailDeliveryException("Could not build the message: " + ex.getMessage(), true, ex);
        }
    }

    private static String multipart(String subtype, String boundary) {
        return "multipart/" + subtype + ";\r\n\tboundary=\"" + boundary + "\"";
    }

    /**
     * Text, HTML and, for a calendar invitation among the attachments ({@code text/calendar} with a {@code method}),
     * the invitation again as the last alternative: Outlook shows its accept-and-add bar only for that one.
     */
    private static void alternatives(Body body, String boundary, OutgoingEmail email) throws MessagingException {
        body.boundary(boundary);
        textPart(body, email.text(), "text/plain; charset=UTF-8");
        body.boundary(boundary);
        textPart(body, email.html(), "text/html; charset=UTF-8");
        for (OutgoingEmail.Attachment attachment : email.attachments()) {
            ContentType type = new ContentType(attachment.contentType());
            if (type.match("text/calendar") && type.getParameter("method") != null) {
                body.boundary(boundary);
                textPart(body, new String(attachment.content(), StandardCharsets.UTF_8),
                        MimeUtility.fold(14, type.toString()));
            }
        }
        body.end(boundary);
    }

    /**
     * A text part written as it will travel: plain ASCII as it is, anything else quoted-printable, encoded here in
     * one pass. (Given a String, Jakarta Mail encodes the whole part once just to choose its transfer encoding, then
     * again through streams that pass every byte on one at a time: the two largest costs of sending, measured with
     * JFR.)
     */
    private static void textPart(Body body, String content, String contentType) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        String encoding = transferEncoding(bytes);
        body.header("Content-Type", contentType).header("Content-Transfer-Encoding", encoding).line("")
            .content("7bit".equals(encoding) ? bytes : QuotedPrintable.encode(bytes));
    }

    /** A file: text as a text part is written, anything else in base64; named the way Jakarta Mail names files. */
    private static void attachment(Body body, OutgoingEmail.Attachment attachment) throws MessagingException {
        ContentType type = new ContentType(attachment.contentType());
        type.setParameter("name", attachment.filename());
        ContentDisposition disposition = new ContentDisposition(Part.ATTACHMENT, null);
        disposition.setParameter("filename", attachment.filename());
        String encoding = type.getPrimaryType().equalsIgnoreCase("text") ? transferEncoding(attachment.content())
                : "base64";
        body.header("Content-Type", MimeUtility.fold(14, type.toString()))
            .header("Content-Transfer-Encoding", encoding)
            .header("Content-Disposition", MimeUtility.fold(21, disposition.toString()))
            .line("")
            .content(switch (encoding) {
                case "7bit" -> attachment.content();
                case "base64" -> Base64.getMimeEncoder().encode(attachment.content());
                default -> QuotedPrintable.encode(attachment.content());
            });
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

    /** A body being written: lines end in CRLF; each part's content is followed by one. */
    private static final class Body {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);

        Body line(String line) {
            this.bytes.writeBytes(line.getBytes(StandardCharsets.US_ASCII));
            this.bytes.write('\r');
            this.bytes.write('\n');
            return this;
        }

        Body header(String name, String value) {
            return line(name + ": " + value);
        }

        Body boundary(String boundary) {
            return line("--" + boundary);
        }

        Body end(String boundary) {
            return line("--" + boundary + "--");
        }

        Body content(byte[] content) {
            this.bytes.writeBytes(content);
            return line("");
        }

        byte[] bytes() {
            return this.bytes.toByteArray();
        }

    }

}
