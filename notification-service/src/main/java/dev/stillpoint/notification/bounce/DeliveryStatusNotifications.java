package dev.stillpoint.notification.bounce;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.stillpoint.events.mail.EmailBounced;
import dev.stillpoint.mail.BounceAddress;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;

/**
 * Reads the reports mail servers send back to our bounce address: delivery status notifications (RFC 3464,
 * {@code multipart/report; report-type=delivery-status}) and spam complaints in the Abuse Reporting Format (RFC 5965,
 * {@code report-type=feedback-report}). The email a report is about is named by the token in the address the report
 * was sent to (VERP), else by the envelope sender or Message-ID of the returned email. A "delayed" notice is no
 * bounce: the server is still trying.
 */
final class DeliveryStatusNotifications {

    private DeliveryStatusNotifications() {
    }

    /**
     * The reports in {@code message}: one per failed recipient, or one complaint; none for a notice that reports no
     * failure. A report without a Date header counts as received at {@code now}.
     * @throws NotAReportException when the message is not a report this reads (a person's reply, a bounce in prose)
     */
    static List<DeliveryReport> read(MimeMessage message, Instant now) throws MessagingException, IOException {
        ContentType type = new ContentType(message.getContentType());
        String reportType = Optional.ofNullable(type.getParameter("report-type")).orElse("").toLowerCase(Locale.ROOT);
        if (!type.match("multipart/report") || !(message.getContent() instanceof Multipart parts)) {
            throw new NotAReportException("not a multipart/report but " + type.getBaseType());
        }
        String reportId = Optional.ofNullable(message.getMessageID())
            .orElseThrow(() -> new NotAReportException("the report has no Message-ID"));
        Instant received = (message.getSentDate() != null) ? message.getSentDate().toInstant() : now;
        Returned returned = returned(parts);
        String token = tokenInHeaders(message, "Delivered-To", "X-Original-To", "To")
            .or(() -> Optional.ofNullable(returned.token())).orElse(null);
        return switch (reportType) {
            case "delivery-status" -> failures(reportId, part(parts, "delivery-status"), token, returned, received);
            case "feedback-report" -> List.of(complaint(reportId, part(parts, "feedback-report"), token, returned,
                    received));
            default -> throw new NotAReportException("a report of type '" + reportType + "'");
        };
    }

    private static List<DeliveryReport> failures(String reportId, BodyPart status, String token, Returned returned,
            Instant received) throws MessagingException, IOException {
        List<DeliveryReport> reports = new ArrayList<>();
        // read whole, so that available() tells truly whether another recipient's fields follow
        try (InputStream in = new ByteArrayInputStream(status.getInputStream().readAllBytes())) {
            new InternetHeaders(in); // the per-message fields: Reporting-MTA, Arrival-Date
            while (in.available() > 0) {
                InternetHeaders recipient = new InternetHeaders(in);
                String action = field(recipient, "Action");
                String code = firstWord(field(recipient, "Status"));
                if (code == null || (action != null && !action.toLowerCase(Locale.ROOT).startsWith("failed"))) {
                    continue; // delayed, delivered, relayed, expanded: not a bounce
                }
                String address = address(field(recipient, "Final-Recipient"))
                    .or(() -> address(field(recipient, "Original-Recipient"))).orElse(returned.recipient());
                String id = (reports.isEmpty()) ? reportId : reportId + "#" + (reports.size() + 1);
                reports.add(new DeliveryReport(id, DeliveryReport.kindOf(code), address, token, code,
                        field(recipient, "Diagnostic-Code"), EmailBounced.Source.MAILBOX, received));
            }
        }
        return reports;
    }

    private static DeliveryReport complaint(String reportId, BodyPart feedback, String token, Returned returned,
            Instant received) throws MessagingException, IOException {
        try (InputStream in = feedback.getInputStream()) {
            InternetHeaders report = new InternetHeaders(in);
            String recipient = address(field(report, "Original-Rcpt-To")).orElse(returned.recipient());
            String named = Optional.ofNullable(token)
                .or(() -> BounceAddress.tokenIn(field(report, "Original-Mail-From"))).orElse(null);
            String feedbackType = field(report, "Feedback-Type");
            return new DeliveryReport(reportId, DeliveryReport.Kind.COMPLAINT, recipient, named, null,
                    "feedback-type: " + ((feedbackType != null) ? feedbackType : "abuse"), EmailBounced.Source.MAILBOX,
                    received);
        }
    }

    /** The returned email's headers, from its third part ({@code message/rfc822} or {@code text/rfc822-headers}). */
    private static Returned returned(Multipart parts) throws MessagingException, IOException {
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType("message/rfc822") || part.isMimeType("message/global")
                    || part.isMimeType("text/rfc822-headers") || part.isMimeType("message/rfc822-headers")) {
                try (InputStream in = part.getInputStream()) {
                    InternetHeaders headers = new InternetHeaders(in);
                    String token = BounceAddress.tokenIn(headers.getHeader("Return-Path", ","))
                        .orElseGet(() -> Optional.ofNullable(headers.getHeader("Message-ID", null))
                            .map(String::strip).map(BounceAddress::token).orElse(null));
                    return new Returned(token, address(headers.getHeader("To", ",")).orElse(null));
                }
            }
        }
        return new Returned(null, null);
    }

    private static BodyPart part(Multipart parts, String subtype) throws MessagingException {
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType("message/" + subtype) || part.isMimeType("message/global-" + subtype)) {
                return part;
            }
        }
        throw new NotAReportException("a report without its message/" + subtype + " part");
    }

    private static Optional<String> tokenInHeaders(Part message, String... names) throws MessagingException {
        for (String name : names) {
            String[] values = message.getHeader(name);
            if (values != null) {
                for (String value : values) {
                    Optional<String> token = BounceAddress.tokenIn(value);
                    if (token.isPresent()) {
                        return token;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String field(InternetHeaders headers, String name) {
        String value = headers.getHeader(name, " ");
        return (value != null) ? value.replaceAll("\\s+", " ").strip() : null;
    }

    private static String firstWord(String value) {
        return (value != null && !value.isBlank()) ? value.split("[ (]", 2)[0] : null;
    }

    /** The address in {@code rfc822; ada@example.com}, {@code <ada@example.com>} or {@code Ada <ada@example.com>}. */
    static Optional<String> address(String field) {
        if (field == null) {
            return Optional.empty();
        }
        String value = field.contains(";") ? field.substring(field.indexOf(';') + 1) : field;
        int open = value.lastIndexOf('<');
        int close = value.lastIndexOf('>');
        if (open >= 0 && close > open) {
            value = value.substring(open + 1, close);
        }
        value = value.strip();
        return value.contains("@") ? Optional.of(value) : Optional.empty();
    }

    private record Returned(String token, String recipient) {
    }

    /** A message in the bounce mailbox that is not a report this reads: left there for a person. */
    static final class NotAReportException extends MessagingException {

        NotAReportException(String reason) {
            super(reason);
        }

    }

}
