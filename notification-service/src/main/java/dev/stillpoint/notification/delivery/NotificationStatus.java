package dev.stillpoint.notification.delivery;

/** Where a notification stands; the delivery log and a booking's timeline show it. */
public enum NotificationStatus {

    /** Planned for a later time; db-scheduler releases it when it is due. */
    SCHEDULED,

    /** Due: waiting for a sender, being sent, or waiting to be retried after a transient failure. */
    PENDING,

    /** Accepted by the SMTP server. */
    SENT,

    /** Refused for good (a 5xx answer), or still failing after the last attempt. */
    FAILED,

    /** Will not be sent because the booking changed; the reason says how. */
    CANCELLED,

    /** Was never due: the timing rules left no sensible time for it; the reason says which. */
    SKIPPED

}
