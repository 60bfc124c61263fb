package dev.stillpoint.notification.bounce;

import java.time.Instant;

import dev.stillpoint.events.mail.EmailBounced;

/**
 * One report about one email of ours, as read from the bounce mailbox or a provider's webhook.
 *
 * @param reportId the report's own id (a DSN's Message-ID, the provider's event id): a report seen again is ignored
 * @param kind what it says
 * @param recipient the address the email went to, if the report names it
 * @param token the token of the email (see {@code BounceAddress}), if the report names it
 * @param status the enhanced status code (RFC 3463), if any
 * @param diagnostic the receiving server's words, if any
 * @param source where it came from
 * @param occurredAt when it happened, as the report says, or when it came
 */
record DeliveryReport(String reportId, Kind kind, String recipient, String token, String status, String diagnostic,
        EmailBounced.Source source, Instant occurredAt) {

    /** What a report says is stored as text: no control characters (PostgreSQL refuses NUL), and of bounded length. */
    DeliveryReport {
        reportId = clean(reportId, 300);
        status = clean(status, 32);
        diagnostic = clean(diagnostic, 1000);
    }

    private static String clean(String value, int length) {
        if (value == null) {
            return null;
        }
        String printable = value.replaceAll("\\p{Cntrl}", " ").strip();
        return (printable.length() <= length) ? printable : printable.substring(0, length);
    }

    enum Kind {

        HARD, SOFT, COMPLAINT,

        /** A provider delivered an email: a run of soft bounces to the address ends. */
        DELIVERED;

        EmailBounced.Kind published() {
            return EmailBounced.Kind.valueOf(name());
        }

    }

    /** HARD for a permanent status (5.x.x), else SOFT. */
    static Kind kindOf(String status) {
        return (status != null && status.startsWith("5")) ? Kind.HARD : Kind.SOFT;
    }

}
