package dev.stillpoint.mail;

import jakarta.mail.internet.InternetAddress;

/**
 * Who every email of a mailer comes from, and where answers to it go.
 *
 * @param from the From header
 * @param replyTo the Reply-To header, or {@code null} for none
 * @param bounces the envelope sender's mailbox, written per email with the email's token (VERP), or {@code null} to
 * leave the envelope sender to the From address
 */
public record SenderIdentity(InternetAddress from, InternetAddress replyTo, BounceAddress bounces) {

    /** Every automated email says so (RFC 3834), so that auto-responders and vacation notices leave it unanswered. */
    static final String AUTO_SUBMITTED = "auto-generated";

    public static SenderIdentity of(InternetAddress from) {
        return new SenderIdentity(from, null, null);
    }

}
