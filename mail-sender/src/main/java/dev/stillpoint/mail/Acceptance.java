package dev.stillpoint.mail;

/**
 * What a sender does the moment the SMTP server accepts one of its emails: typically record that it went out. Until
 * the sender says it is recorded, the email is in doubt (a sender killed now would send it again), and the mailer
 * holds back the end of the next email's data once too many are in doubt.
 */
@FunctionalInterface
public interface Acceptance {

    /**
     * The server has accepted the email.
     * @param recorded to run once the email is recorded, here or later, from any thread; running it again does nothing
     */
    void accepted(Runnable recorded);

}
