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
     * Before the session, outside quiet hours (moved to the nearest allowed time that is still before the session).
     * A late booking, made after the reminder's time, gets it at once, unless the session starts within the minimum
     * lead.
     */
    private PlannedStep hydration(ZonedDateTime start, Instant now) {
        ReminderKind kind = ReminderKind.HYDRATION_REMINDER;
        ZonedDateTime nominal = shift(start, this.properties.hydrationBefore().negated());
        ZonedDateTime latest = max(start.minus(this.properties.minimumLead()), nominal);
        ZonedDateTime due = nominal;
        if (nominal.toInstant().isBefore(now)) {
            if (!now.isBefore(start.minus(this.properties.minimumLead()).toInstant())) {
                return PlannedStep.skipped(kind, nominal.toInstant(),
                        "booked less than " + describe(this.properties.minimumLead()) + " before the session");
            }
            due = now.atZone(start.getZone());
        }
        if (!this.quietHours.contains(due)) {
            return PlannedStep.due(kind, due.toInstant());
        }
        ZonedDateTime morning = this.quietHours.endAfter(due);
        ZonedDateTime evening = this.quietHours.startBefore(due);
        boolean morningFits = !morning.isAfter(latest);
        boolean eveningFits = evening.toInstant().isAfter(now);
        if (morningFits && (!eveningFits || distance(due, morning).compareTo(distance(evening, due)) <= 0)) {
            return PlannedStep.due(kind, morning.toInstant());
        }
        // the evening before, or, for a booking made during quiet hours with no morning left before the session, now
        return PlannedStep.due(kind, eveningFits ? evening.toInstant() : due.toInstant());
    }

    private PlannedStep morningOf(ZonedDateTime start, Instant now) {
        ReminderKind kind = ReminderKind.MORNING_OF;
        ZonedDateTime due = start.with(this.properties.morningOfAt());
        if (Duration.between(due, start).compareTo(this.properties.morningOfMinimumLead()) <= 0) {
            return PlannedStep.skipped(kind, due.toInstant(), "the session starts no more than "
                    + describe(this.properties.morningOfMinimumLead()) + " after " + HOURS.format(due));
        }
        if (due.toInstant().isBefore(now)) {
            return PlannedStep.skipped(kind, due.toInstant(), "booked after " + HOURS.format(due) + " on the day");
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
