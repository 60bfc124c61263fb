package dev.stillpoint.notification.delivery;

import dev.stillpoint.mail.OutgoingEmail;

/** Writes the emails of some kinds of notification. */
public interface EmailComposer {

    /** Whether this composer writes notifications of {@code kind}. */
    boolean composes(String kind);

    OutgoingEmail compose(PendingNotification notification);

}
