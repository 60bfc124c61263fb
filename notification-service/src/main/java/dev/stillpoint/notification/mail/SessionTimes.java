package dev.stillpoint.notification.mail;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A session's time as a client reads it: in their own time zone, and saying which zone that is.
 *
 * @param date e.g. {@code Monday 7 December 2026}
 * @param time e.g. {@code 09:00–10:00}
 * @param zone e.g. {@code Eastern Standard Time (America/New_York)}
 */
public record SessionTimes(String date, String time, String zone) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzzz", Locale.UK);

    public static SessionTimes of(Instant start, Instant end, ZoneId zone) {
        ZonedDateTime localStart = start.atZone(zone);
        ZonedDateTime localEnd = end.atZone(zone);
        return new SessionTimes(DATE.format(localStart), TIME.format(localStart) + "–" + TIME.format(localEnd),
                ZONE_NAME.format(localStart) + " (" + zone.getId() + ")");
    }

    /** A day as every email writes it, e.g. {@code Monday 7 December 2026}. */
    public static String date(LocalDate day) {
        return DATE.format(day);
    }

    /** e.g. {@code Monday 7 December 2026 at 09:00 Eastern Standard Time (America/New_York)} */
    public String startDescription() {
        return this.date + " at " + this.time.substring(0, 5) + " " + this.zone;
    }

}
