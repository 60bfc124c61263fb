package dev.stillpoint.mail;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
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

    /** The envelope sender of the one email being sent, or {@code null} for Angus's choice (the From address). */
    private String envelopeFrom;

    /**
     * Sends from {@code envelopeFrom} (or, when {@code null}, the From address), telling {@code acceptance} as soon as
     * the server has accepted the email.
     */
    synchronized void sendMessage(Message message, Address[] recipients, String envelopeFrom, Acceptance acceptance)
            throws MessagingException {
        this.acceptance = acceptance;
        this.envelopeFrom = envelopeFrom;
        try {
            sendMessage(message, recipients);
        }
        finally {
            this.acceptance = null;
            this.envelopeFrom = null;
        }
    }

    /**
     * {@code MAIL FROM} with this email's own envelope sender. Angus takes one from the message only for its own
     * {@code SMTPMessage}, which a DKIM-signed message is not, or from a session property that every connection shares;
     * a bounce address per email needs neither.
     */
    @Override
    protected void mailFrom() throws MessagingException {
        if (this.envelopeFrom == null) {
            super.mailFrom();
            return;
        }
        String command = "MAIL FROM:<" + this.envelopeFrom + ">";
        int reply = simpleCommand(command);
        if (reply != 250) {
            throw new SMTPSendFailedException(command, reply, getLastServerResponse(), null, null, null, null);
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
