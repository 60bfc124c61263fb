package dev.stillpoint.notification.bounce;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Properties;

import dev.stillpoint.notification.bounce.DeliveryStatusNotifications.NotAReportException;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the bounce mailbox over IMAP (Jakarta Mail's provider): every unread message is parsed as a delivery status
 * notification or feedback report, recorded in the bounce log, and deleted. A message that is no report (a person's
 * reply, a bounce in prose) is marked read and left for a person to look at. A message is deleted only after its
 * reports are committed, so a crash reads it again, and the log ignores a report it has.
 */
class BounceMailbox {

    private static final Logger logger = LoggerFactory.getLogger(BounceMailbox.class);

    private static final int TIMEOUT_MILLIS = 20_000;

    private final BounceProperties.Mailbox mailbox;

    private final BounceLog log;

    private final Session session;

    private final Clock clock;

    BounceMailbox(BounceProperties.Mailbox mailbox, BounceLog log, Clock clock) {
        this.mailbox = mailbox;
        this.log = log;
        this.clock = clock;
        Properties properties = new Properties();
        for (String timeout : List.of("connectiontimeout", "timeout", "writetimeout")) {
            properties.setProperty("mail." + mailbox.protocol() + "." + timeout, String.valueOf(TIMEOUT_MILLIS));
        }
        this.session = Session.getInstance(properties);
    }

    /** Reads what came since the last time; returns how many messages were recorded and deleted. */
    int read() throws MessagingException {
        int port = (this.mailbox.port() != null) ? this.mailbox.port() : -1;
        try (Store store = this.session.getStore(this.mailbox.protocol())) {
            store.connect(this.mailbox.host(), port, this.mailbox.username(), this.mailbox.password());
            Folder folder = store.getFolder(this.mailbox.folder());
            folder.open(Folder.READ_WRITE);
            int recorded = 0;
            try {
                for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    recorded += handle((MimeMessage) message) ? 1 : 0;
                }
            }
            finally {
                folder.close(true); // expunges the deleted
            }
            return recorded;
        }
    }

    private boolean handle(MimeMessage message) throws MessagingException {
        try {
            List<DeliveryReport> reports = DeliveryStatusNotifications.read(message, this.clock.instant());
            for (DeliveryReport report : reports) {
                this.log.record(report);
            }
            message.setFlag(Flags.Flag.DELETED, true);
            return true;
        }
        catch (NotAReportException | BounceLog.UnattributableReportException ex) {
            logger.warn("Left message {} in the bounce mailbox for a person: {}", message.getMessageID(),
                    ex.getMessage());
            message.setFlag(Flags.Flag.SEEN, true);
            return false;
        }
        catch (IOException ex) {
            throw new MessagingException("Could not read message " + message.getMessageID(), ex);
        }
    }

}
