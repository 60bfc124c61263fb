package dev.stillpoint.notification.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Works out when each step of a session's chain of care is due, in the client's time zone: the hydration reminder
 * the day before, a note on the morning of the session, aftercare after it and a check-in a few days on.
 */
final class ReminderPlanner {

    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

    private final ReminderProperties properties;

    private final QuietHours quietHours;

    ReminderPlanner(ReminderProperties properties) {
        this.properties = properties;
        this.quietHours = new QuietHours(properties.quietHours());
    }

    /** The chain for a session from {@code start} to {@code end}, planned at {@code now}. */
    List<PlannedStep> plan(Instant start, Instant end, ZoneId zone, Instant now) {
        ZonedDateTime localStart = start.atZone(zone);
        ZonedDateTime localEnd = end.atZone(zone);
        return List.of(hydration(localStart, now), morningOf(localStart, now), aftercare(localEnd, now),
                checkIn(localEnd, now));
    }

    /**
     * The day before, outside quiet hours: moved to the nearest allowed time that is still the minimum lead before the
     * session (the morning), else to the evening before.
     */
    private PlannedStep hydration(ZonedDateTime start, Instant now) {
        ZonedDateTime nominal = shift(start, this.properties.hydrationBefore().negated());
        if (!this.quietHours.contains(nominal)) {
            return beforeSession(ReminderKind.HYDRATION_REMINDER, nominal, now);
        }
        ZonedDateTime latest = max(start.minus(this.properties.minimumLead()), nominal);
        ZonedDateTime morning = this.quietHours.endAfter(nominal);
        ZonedDateTime evening = this.quietHours.startBefore(nominal);
        boolean morningFits = !morning.isAfter(latest);
        boolean morningNearer = distance(nominal, morning).compareTo(distance(evening, nominal)) <= 0;
        return beforeSession(ReminderKind.HYDRATION_REMINDER, (morningFits && morningNearer) ? morning : evening, now);
    }

    private PlannedStep morningOf(ZonedDateTime start, Instant now) {
        ReminderKind kind = ReminderKind.MORNING_OF;
        ZonedDateTime due = start.with(this.properties.morningOfAt());
        if (Duration.between(due, start).compareTo(this.properties.morningOfMinimumLead()) <= 0) {
            return PlannedStep.skipped(kind, due.toInstant(), "the session starts no more than "
                    + describe(this.properties.morningOfMinimumLead()) + " after " + HOURS.format(due));
        }
        return beforeSession(kind, due, now);
    }

    /**
     * A step that prepares for the session is folded into the confirmation (which says how to prepare) when its time
     * has passed or would come within the gap after it: no reminder on the heels of the confirmation.
     */
    private PlannedStep beforeSession(ReminderKind kind, ZonedDateTime due, Instant now) {
        if (due.toInstant().isBefore(now)) {
            return PlannedStep.skipped(kind, due.toInstant(),
                    "its time had passed when the booking was confirmed; the confirmation says how to prepare");
        }
        Duration gap = this.properties.gapAfterConfirmation();
        if (!due.toInstant().isAfter(now.plus(gap))) {
            return PlannedStep.skipped(kind, due.toInstant(), "due within " + describe(gap)
                    + " of the confirmation, which says how to prepare");
        }
        return PlannedStep.due(kind, due.toInstant());
    }

    private PlannedStep aftercare(ZonedDateTime end, Instant now) {
        return afterSession(ReminderKind.AFTERCARE, end.plus(this.properties.aftercareAfter()), now);
    }

    private PlannedStep checkIn(ZonedDateTime end, Instant now) {
        return afterSession(ReminderKind.INTEGRATION_CHECK_IN, shift(end, this.properties.checkInAfter()), now);
    }

    /** After the session, a step that would fall in quiet hours waits for the morning. */
    private PlannedStep afterSession(ReminderKind kind, ZonedDateTime nominal, Instant now) {
        ZonedDateTime due = this.quietHours.contains(nominal) ? this.quietHours.endAfter(nominal) : nominal;
        if (due.toInstant().isBefore(now)) {
            return PlannedStep.skipped(kind, due.toInstant(), "its time had passed when the booking was confirmed");
        }
        return PlannedStep.due(kind, due.toInstant());
    }

    /** Whole days on the local calendar, the rest as elapsed time. */
    private static ZonedDateTime shift(ZonedDateTime time, Duration offset) {
        long days = offset.toDays();
        return time.plusDays(days).plus(offset.minusDays(days));
    }

    private static ZonedDateTime max(ZonedDateTime a, ZonedDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static Duration distance(ZonedDateTime from, ZonedDateTime to) {
        return Duration.between(from, to);
    }

    static String describe(Duration duration) {
        long hours = duration.toHours();
        int minutes = duration.toMinutesPart();
        if (hours == 0) {
            return (minutes == 0) ? duration.toSeconds() + " s" : minutes + " min";
        }
        return (minutes == 0) ? hours + " h" : hours + " h " + minutes + " min";
    }

}
