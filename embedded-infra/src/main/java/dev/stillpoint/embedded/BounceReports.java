package dev.stillpoint.embedded;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;

/**
 * The reports a receiving mail server sends back to an envelope sender, written as Postfix and the big mailbox
 * providers write them: a delivery status notification (RFC 3464) and a spam complaint in the Abuse Reporting Format
 * (RFC 5965), each with the returned email's headers.
 */
public final class BounceReports {

    private static final Session SESSION = Session.getInstance(new Properties());

    private BounceReports() {
    }

    /**
     * A delivery status notification for one recipient.
     *
     * @param returnPath the envelope sender of the email that failed, where the report is sent
     * @param recipient the address that failed
     * @param action {@code failed}, or {@code delayed} for a server still trying
     * @param status the enhanced status code, such as {@code 5.1.1} or {@code 4.2.2}
     * @param diagnostic the receiving server's reply
     * @param messageId the failed email's Message-ID
     */
    public static MimeMessage deliveryStatus(String returnPath, String recipient, String action, String status,
            String diagnostic, String messageId) throws MessagingException {
        String boundary = "dsn-" + UUID.randomUUID();
        return parse(headers(returnPath, "Undelivered Mail Returned to Sender",
                "multipart/report; report-type=delivery-status;\r\n\tboundary=\"" + boundary + "\"")
                + "--" + boundary + "\r\n"
                + "Content-Type: text/plain; charset=us-ascii\r\n\r\n"
                + "This is the mail system at host mx.example.net.\r\n\r\n"
                + "I'm sorry to have to inform you that your message could not\r\nbe delivered to one or more recipients.\r\n\r\n"
                + "<" + recipient + ">: host mx.example.com said: " + diagnostic + "\r\n\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Description: Delivery report\r\nContent-Type: message/delivery-status\r\n\r\n"
                + "Reporting-MTA: dns; mx.example.net\r\n"
                + "X-Postfix-Queue-ID: 4FzW2k1bQpz9sWv\r\n"
                + "Arrival-Date: " + new MailDateFormat().format(new Date()) + "\r\n\r\n"
                + "Final-Recipient: rfc822; " + recipient + "\r\n"
                + "Original-Recipient: rfc822;" + recipient + "\r\n"
                + "Action: " + action + "\r\n"
                + "Status: " + status + "\r\n"
                + "Remote-MTA: dns; mx.example.com\r\n"
                + "Diagnostic-Code: smtp; " + diagnostic + "\r\n\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Description: Undelivered Message Headers\r\nContent-Type: text/rfc822-headers\r\n\r\n"
                + returned(returnPath, recipient, messageId)
                + "--" + boundary + "--\r\n");
    }

    /** A recipient's spam complaint about an email, as a provider's feedback loop sends it. */
    public static MimeMessage complaint(String returnPath, String recipient, String messageId)
            throws MessagingException {
        String boundary = "arf-" + UUID.randomUUID();
        return parse(headers(returnPath, "Complaint about message from 192.0.2.1",
                "multipart/report; report-type=feedback-report;\r\n\tboundary=\"" + boundary + "\"")
                + "--" + boundary + "\r\n"
                + "Content-Type: text/plain; charset=us-ascii\r\n\r\n"
                + "This is an email abuse report for an email message received from IP 192.0.2.1.\r\n\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Type: message/feedback-report\r\n\r\n"
                + "Feedback-Type: abuse\r\n"
                + "User-Agent: SomeGenerator/1.0\r\n"
                + "Version: 1\r\n"
                + "Original-Mail-From: <" + returnPath + ">\r\n"
                + "Original-Rcpt-To: <" + recipient + ">\r\n\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Type: text/rfc822-headers\r\n\r\n"
                + returned(returnPath, recipient, messageId)
                + "--" + boundary + "--\r\n");
    }

    private static String headers(String to, String subject, String contentType) {
        return "Return-Path: <>\r\n"
                + "From: Mail Delivery System <MAILER-DAEMON@mx.example.net>\r\n"
                + "To: " + to + "\r\n"
                + "Subject: " + subject + "\r\n"
                + "Message-ID: <report-" + UUID.randomUUID() + "@mx.example.net>\r\n"
                + "Date: " + new MailDateFormat().format(new Date()) + "\r\n"
                + "Auto-Submitted: auto-replied\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: " + contentType + "\r\n\r\n";
    }

    private static String returned(String returnPath, String recipient, String messageId) {
        return "Return-Path: <" + returnPath + ">\r\n"
                + "From: Stillpoint <hello@stillpoint.example>\r\n"
                + "To: <" + recipient + ">\r\n"
                + "Subject: Your session is booked\r\n"
                + "Message-ID: " + messageId + "\r\n\r\n";
    }

    private static MimeMessage parse(String raw) throws MessagingException {
        return new MimeMessage(SESSION, new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII)));
    }

}
