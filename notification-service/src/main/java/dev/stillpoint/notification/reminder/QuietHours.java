package dev.stillpoint.notification.reminder;

import java.time.LocalTime;
import java.time.ZonedDateTime;

/** Quiet hours in a client's local time: whether an instant falls inside them, and where they end or begin. */
final class QuietHours {

    private final LocalTime starts;

    private final LocalTime ends;

    QuietHours(ReminderProperties.QuietHours hours) {
        this.starts = hours.starts();
        this.ends = hours.ends();
    }

    boolean contains(ZonedDateTime time) {
        LocalTime local = time.toLocalTime();
        if (this.starts.equals(this.ends)) {
            return false;
        }
        return this.starts.isAfter(this.ends)
                ? local.isAfter(this.starts) || local.isBefore(this.ends)
                : local.isAfter(this.starts) && local.isBefore(this.ends);
    }

    /** The first end of quiet hours at or after {@code time}: the morning a reminder waits for. */
    ZonedDateTime endAfter(ZonedDateTime time) {
        ZonedDateTime sameDay = time.with(this.ends);
        return sameDay.isBefore(time) ? time.plusDays(1).with(this.ends) : sameDay;
    }

    /** The last start of quiet hours at or before {@code time}: the evening before it. */
    ZonedDateTime startBefore(ZonedDateTime time) {
        ZonedDateTime sameDay = time.with(this.starts);
        return sameDay.isAfter(time) ? time.minusDays(1).with(this.starts) : sameDay;
    }

}
