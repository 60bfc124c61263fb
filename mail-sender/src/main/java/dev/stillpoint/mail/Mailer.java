package dev.stillpoint.mail;

/** Where emails leave the system: the one seam between Stillpoint and an SMTP server. */
public interface Mailer {

    /**
     * Sends one email. Safe to call from several threads.
     * @throws MailDeliveryException when the server did not accept it; {@link MailDeliveryException#isPermanent()}
     * tells whether trying again can help
     */
    void send(OutgoingEmail email) throws MailDeliveryException;

}
