package dev.stillpoint.notification.reminder;

import java.time.Instant;

/**
 * A step of a session's chain of care and when it is due.
 *
 * @param kind which step
 * @param dueAt when it is due; for a skipped step, when it would have been
 * @param skipReason why it will not be sent, or {@code null} if it will
 */
record PlannedStep(ReminderKind kind, Instant dueAt, String skipReason) {

    static PlannedStep due(ReminderKind kind, Instant dueAt) {
        return new PlannedStep(kind, dueAt, null);
    }

    static PlannedStep skipped(ReminderKind kind, Instant wouldBeDueAt, String reason) {
        return new PlannedStep(kind, wouldBeDueAt, reason);
    }

    boolean isSkipped() {
        return this.skipReason != null;
    }

}
