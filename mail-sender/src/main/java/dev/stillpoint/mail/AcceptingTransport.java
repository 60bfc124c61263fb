package dev.stillpoint.mail;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus's SMTP transport, which tells a sender the moment the server accepts an email (its reply to the end of the
 * data) and holds one of the permits the mailer's connections share from before the final dot of the data until the
 * sender says the email is recorded. However many connections send side by side, no more emails are in doubt
 * (accepted, not recorded) than there are permits: all a sender killed at any moment can send again. Angus keeps the
 * end of the data in {@code finishData()}, protected for this kind of extension; no other way to reach it exists.
 */
final class AcceptingTransport extends SMTPTransport {

    private final Semaphore inDoubt;

    /** The sender's acceptance of the one email being sent, if it gave one: a transport sends one at a time. */
    private Acceptance acceptance;

    AcceptingTransport(Session session, String protocol, Semaphore inDoubt) {
        super(session, new URLName(protocol, null, -1, null, null, null), protocol, "smtps".equals(protocol));
        this.inDoubt = inDoubt;
    }

    /** Sends, telling {@code acceptance} as soon as the server has accepted the email. */
    synchronized void sendMessage(Message message, Address[] recipients, Acceptance acceptance)
            throws MessagingException {
        this.acceptance = acceptance;
        try {
            sendMessage(message, recipients);
        }
        finally {
            this.acceptance = null;
        }
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
        Acceptance sender = this.acceptance;
        if (sender == null) {
            super.finishData();
            return;
        }
        this.inDoubt.acquireUninterruptibly();
        AtomicBoolean held = new AtomicBoolean(true);
        Runnable recorded = () -> {
            if (held.getAndSet(false)) {
                this.inDoubt.release();
            }
        };
        try {
            super.finishData();
        }
        catch (IOException | MessagingException | RuntimeException ex) {
            recorded.run(); // not accepted: nothing in doubt
            throw ex;
        }
        try {
            sender.accepted(recorded);
        }
        catch (RuntimeException ex) {
            recorded.run(); // the sender gave up on recording it
            throw ex;
        }
    }

}
