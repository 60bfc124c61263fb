package dev.stillpoint.booking.appointment;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Distinct free slots inside the default opening hours, one per call, so that tests sharing a database never
 * collide, in any order: weekdays from the Monday after next, six a day 90 minutes apart from 09:00 London time (a
 * 75-minute session in one never reaches the next), in every other week, so that the same time a week before or after
 * a slot is never another test's (a weekly series looks there).
 */
public final class TestSlots {

    public static final ZoneId PRACTICE = ZoneId.of("Europe/London");

    private static final int PER_DAY = 6;

    private static final AtomicInteger next = new AtomicInteger();

    private TestSlots() {
    }

    public static OffsetDateTime next() {
        int index = next.getAndIncrement();
        LocalDate monday = LocalDate.now(PRACTICE).plusWeeks(1).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        LocalDate day = monday.plusWeeks(2L * (index / (5 * PER_DAY))).plusDays((index / PER_DAY) % 5);
        return day.atTime(LocalTime.of(9, 0).plusMinutes(90L * (index % PER_DAY))).atZone(PRACTICE).toOffsetDateTime();
    }

}
