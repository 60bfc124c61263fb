package dev.stillpoint.notification.reminder;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When each step of a session's chain of care is due. Whole days move on the client's calendar (a reminder 24 h
 * before a 10:00 session comes at 10:00 the day before, even when the clocks change overnight); the rest is elapsed
 * time.
 *
 * @param hydrationBefore the hydration reminder comes this long before the start
 * @param minimumLead the hydration reminder, moved out of quiet hours, still comes at least this long before the
 * start (else the evening before)
 * @param morningOfAt the morning-of note comes at this local time on the day of the session
 * @param morningOfMinimumLead and only if the session starts more than this long after it
 * @param aftercareAfter aftercare comes this long after the session ends
 * @param checkInAfter the integration check-in comes this long after the session ends
 * @param quietHours when no reminder is sent, in the client's local time
 * @param gapAfterConfirmation a reminder before the session (hydration, morning-of) due within this long after the
 * booking is confirmed or moved, or already past, is not sent: the confirmation says how to prepare, and the client
 * is not sent two emails in a row. The timeline shows it skipped, with the reason
 */
@ConfigurationProperties("stillpoint.reminders")
public record ReminderProperties(@DefaultValue("24h") Duration hydrationBefore, @DefaultValue("1h") Duration minimumLead,
        @DefaultValue("08:00") LocalTime morningOfAt, @DefaultValue("2h") Duration morningOfMinimumLead,
        @DefaultValue("2h") Duration aftercareAfter, @DefaultValue("3d") Duration checkInAfter,
        @DefaultValue QuietHours quietHours, @DefaultValue("12h") Duration gapAfterConfirmation) {

    /**
     * From {@code starts} in the evening to {@code ends} in the morning; both edges are allowed times. Equal edges
     * mean no quiet hours.
     *
     * @param starts when quiet hours begin, e.g. 21:00
     * @param ends when they end, e.g. 08:00
     */
    public record QuietHours(@DefaultValue("21:00") LocalTime starts, @DefaultValue("08:00") LocalTime ends) {
    }

}
