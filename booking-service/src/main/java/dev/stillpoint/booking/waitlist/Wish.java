package dev.stillpoint.booking.waitlist;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * When a waitlisted client would like a session, in their own time zone: a start on one of {@code days}, between
 * {@code firstDay} and {@code lastDay}, no earlier than {@code earliest} and no later than {@code latest}.
 */
public record Wish(ZoneId zone, LocalDate firstDay, LocalDate lastDay, Set<DayOfWeek> days, LocalTime earliest,
        LocalTime latest) {

    public boolean fits(Instant start) {
        ZonedDateTime local = start.atZone(this.zone);
        LocalDate day = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        return !day.isBefore(this.firstDay) && !day.isAfter(this.lastDay) && this.days.contains(local.getDayOfWeek())
                && !time.isBefore(this.earliest) && !time.isAfter(this.latest);
    }

}
