package dev.stillpoint.mail;

import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.util.StringUtils;

/**
 * Sends through Jakarta Mail over connections that stay open between emails (one per sending thread at most),
 * instead of a new SMTP connection per email. Configured by the standard {@code spring.mail.*} properties.
 */
public class SmtpMailer implements Mailer, DisposableBean, AutoCloseable {

    private final Session session;

    private final MailProperties mail;

    /** The From header, written once: Jakarta Mail would quote and fold the practice's name again for every email. */
    private final String from;

    /** The Reply-To header, written once, or {@code null}. */
    private final String replyTo;

    /** The envelope sender's mailbox, or {@code null}. */
    private final BounceAddress bounces;

    private final DateHeader date = new DateHeader();

    private final BlockingQueue<AcceptingTransport> idle;

    /**
     * Permits the connections share, each held from the final dot of an email sent with an {@link Acceptance} until
     * its sender says it is recorded: how many emails can be in doubt (accepted, not recorded) at once.
     */
    private final Semaphore inDoubt;

    private final DkimSigning dkim;

    /**
     * @param mail the {@code spring.mail.*} settings
     * @param from the sender of every email
     * @param connections how many connections to keep open: as many as threads that send at the same time
     */
    public SmtpMailer(MailProperties mail, InternetAddress from, int connections) {
        this(mail, from, connections, null);
    }

    /**
     * @param mail the {@code spring.mail.*} settings
     * @param from the sender of every email
     * @param connections how many connections to keep open: as many as threads that send at the same time
     * @param dkim signs every email, or {@code null} to send them unsigned
     */
    public SmtpMailer(MailProperties mail, InternetAddress from, int connections, DkimSigning dkim) {
        this(mail, from, connections, dkim, Math.max(connections, 1));
    }

    /**
     * @param mail the {@code spring.mail.*} settings
     * @param from the sender of every email
     * @param connections how many connections to keep open: as many as threads that send at the same time
     * @param dkim signs every email, or {@code null} to send them unsigned
     * @param maxInDoubt how many emails sent with an {@link Acceptance} may be accepted by the server and not yet
     * recorded by their sender, at once: 1 for a sender that must never send more than one email again after a
     * crash, however many connections it sends over
     */
    public SmtpMailer(MailProperties mail, InternetAddress from, int connections, DkimSigning dkim, int maxInDoubt) {
        this(mail, SenderIdentity.of(from), connections, dkim, maxInDoubt);
    }

    /**
     * @param mail the {@code spring.mail.*} settings
     * @param sender who every email is from, where replies go and where bounces come back to
     * @param connections how many connections to keep open: as many as threads that send at the same time
     * @param dkim signs every email, or {@code null} to send them unsigned
     * @param maxInDoubt how many emails sent with an {@link Acceptance} may be accepted by the server and not yet
     * recorded by their sender, at once (see above)
     */
    public SmtpMailer(MailProperties mail, SenderIdentity sender, int connections, DkimSigning dkim, int maxInDoubt) {
        this.inDoubt = new Semaphore(Math.max(maxInDoubt, 1));
        this.mail = mail;
        this.session = Session.getInstance(sessionProperties(mail));
        this.from = MimeMessages.fromHeader(sender.from());
        this.replyTo = (sender.replyTo() != null) ? MimeMessages.replyToHeader(sender.replyTo()) : null;
        this.bounces = sender.bounces();
        this.idle = new ArrayBlockingQueue<>(Math.max(connections, 1));
        this.dkim = dkim;
    }

    @Override
    public void send(OutgoingEmail email) throws MailDeliveryException {
        send(email, null);
    }

    @Override
    public void send(OutgoingEmail email, Acceptance accepted) throws MailDeliveryException {
        MimeMessage message = MimeMessages.build(this.session, this.from, this.replyTo, email);
        String envelopeFrom = (this.bounces != null) ? this.bounces.forMessage(email.messageId()) : null;
        AcceptingTransport reused = this.idle.poll();
        if (reused != null) {
            // no isConnected() check: it costs a NOOP round trip per email; a stale connection fails here instead
            try {
                deliver(reused, message, envelopeFrom, accepted);
                return;
            }
            catch (MessagingException ex) {
                closeQuietly(reused);
                if (SmtpReplies.isPermanent(ex)) {
                    throw SmtpReplies.failure(ex);
                }
                // the kept-open connection may have gone stale: try once more on a fresh one
            }
        }
        AcceptingTransport fresh = null;
        try {
            fresh = new AcceptingTransport(this.session, this.mail.getProtocol(), this.inDoubt);
            fresh.connect(this.mail.getHost(), portOrDefault(), this.mail.getUsername(), this.mail.getPassword());
            deliver(fresh, message, envelopeFrom, accepted);
        }
        catch (MessagingException ex) {
            closeQuietly(fresh);
            throw SmtpReplies.failure(ex);
        }
    }

    /** Sends over a connected transport and keeps it open for the next email. */
    private void deliver(AcceptingTransport transport, MimeMessage message, String envelopeFrom, Acceptance accepted)
            throws MessagingException {
        message.setHeader("Date", this.date.now());
        message.saveChanges();
        MimeMessage outgoing = (this.dkim != null) ? this.dkim.sign(message) : message;
        try {
            transport.sendMessage(outgoing, message.getRecipients(Message.RecipientType.TO), envelopeFrom, accepted);
        }
        catch (RuntimeException ex) {
            keep(transport); // the email went out and the connection is sound: only the sender's recording failed
            throw ex;
        }
        keep(transport);
    }

    private void keep(AcceptingTransport transport) {
        if (!this.idle.offer(transport)) {
            closeQuietly(transport);
        }
    }

    private int portOrDefault() {
        return (this.mail.getPort() != null) ? this.mail.getPort() : -1;
    }

    private static Properties sessionProperties(MailProperties mail) {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.connectiontimeout", "10000");
        properties.setProperty("mail.smtp.timeout", "10000");
        properties.setProperty("mail.smtp.writetimeout", "10000");
        properties.put("mail.smtp.socketFactory", new NoDelaySockets());
        if (StringUtils.hasText(mail.getUsername())) {
            properties.setProperty("mail." + mail.getProtocol() + ".auth", "true");
        }
        properties.putAll(mail.getProperties());
        return properties;
    }

    private static void closeQuietly(Transport transport) {
        if (transport != null) {
            try {
                transport.close();
            }
            catch (MessagingException ex) {
                // already broken
            }
        }
    }

    @Override
    public void close() {
        destroy();
    }

    @Override
    public void destroy() {
        AcceptingTransport transport;
        while ((transport = this.idle.poll()) != null) {
            closeQuietly(transport);
        }
    }

}
