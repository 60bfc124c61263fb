package dev.stillpoint.mail;

/** The SMTP server did not take an email. */
public class MailDeliveryException extends Exception {

    private final boolean permanent;

    MailDeliveryException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    /** A 5xx answer (unknown mailbox, rejected content): sending again would fail again. */
    public boolean isPermanent() {
        return this.permanent;
    }

}
