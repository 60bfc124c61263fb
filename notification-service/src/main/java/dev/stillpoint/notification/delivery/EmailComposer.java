package dev.stillpoint.notification.delivery;

import dev.stillpoint.notification.mail.OutgoingEmail;

/** Writes the email for a notification. */
public interface EmailComposer {

    OutgoingEmail compose(PendingNotification notification);

}
