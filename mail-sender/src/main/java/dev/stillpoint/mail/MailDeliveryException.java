package dev.stillpoint.mail;

/** The SMTP server did not take an email. */
public class MailDeliveryException extends Exception {

    private final boolean permanent;

    private final int replyCode;

    MailDeliveryException(String message, boolean permanent, Throwable cause) {
        this(message, permanent, 0, cause);
    }

    MailDeliveryException(String message, boolean permanent, int replyCode, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
        this.replyCode = replyCode;
    }

    /** A 5xx answer (unknown mailbox, rejected content): sending again would fail again. */
    public boolean isPermanent() {
        return this.permanent;
    }

    /**
     * The SMTP server's reply that refused this email (e.g. {@code 452} for a full mailbox, {@code 550} for an unknown
     * one), or 0 if there was none: the server could not be reached, or the connection broke.
     */
    public int replyCode() {
        return this.replyCode;
    }

    /**
     * Whether the server is up and refused this email's recipient or message for the moment ({@code 450}–{@code 459}:
     * mailbox busy or full, a local error): trying again later may work, but the fault is with this email, not with
     * the server being away.
     */
    public boolean isRefusedForNow() {
        return this.replyCode >= 450 && this.replyCode < 460;
    }

}
