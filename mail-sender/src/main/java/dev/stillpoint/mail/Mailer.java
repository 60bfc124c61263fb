package dev.stillpoint.mail;

/** Where emails leave the system: the one seam between Stillpoint and an SMTP server. */
public interface Mailer {

    /**
     * Sends one email. Safe to call from several threads.
     * @throws MailDeliveryException when the server did not accept it; {@link MailDeliveryException#isPermanent()}
     * tells whether trying again can help
     */
    void send(OutgoingEmail email) throws MailDeliveryException;

    /**
     * Sends one email and tells {@code accepted} the moment the server accepts it. The email is then in doubt (out, but
     * not yet recorded by its sender) until the sender says it is recorded; the mailer lets only so many be in doubt
     * at once (one, unless configured otherwise), holding back the end of the next email's data. A sender that
     * records there that the email went out can, wherever its process is killed, send again no more emails than that.
     * If {@code accepted} throws, the email is out and the exception is thrown on, unwrapped.
     * @throws MailDeliveryException when the server did not accept it ({@code accepted} was not told)
     */
    void send(OutgoingEmail email, Acceptance accepted) throws MailDeliveryException;

}
