package dev.stillpoint.notification.delivery;

/**
 * A notification to add to the queue, in the state it starts in.
 *
 * @param notification the email
 * @param status {@code PENDING} (due now), {@code SCHEDULED} (released by the scheduler at its time) or
 * {@code SKIPPED}
 * @param reason why it is skipped, or {@code null}
 * @param traceParent the W3C {@code traceparent} of the event that caused it, so that its sending joins that trace;
 * {@code null} for the current span's
 */
public record QueuedNotification(NewNotification notification, NotificationStatus status, String reason,
        String traceParent) {

    public static QueuedNotification pending(NewNotification notification, String traceParent) {
        return new QueuedNotification(notification, NotificationStatus.PENDING, null, traceParent);
    }

}
