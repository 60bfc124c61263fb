package dev.stillpoint.booking.booking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Distinct free slots inside the default opening hours, one per call, so that tests sharing a database never
 * collide: weekdays from the Monday after next, on the hour from 09:00 to 16:00 London time, in every other week, so
 * that the same time a week before or after a slot is never another test's (a weekly series looks there).
 */
public final class TestSlots {

    public static final ZoneId PRACTICE = ZoneId.of("Europe/London");

    private static final AtomicInteger next = new AtomicInteger();

    private TestSlots() {
    }

    public static OffsetDateTime next() {
        int index = next.getAndIncrement();
        LocalDate monday = LocalDate.now(PRACTICE).plusWeeks(1).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        LocalDate day = monday.plusWeeks(2L * (index / 40)).plusDays((index / 8) % 5);
        return day.atTime(LocalTime.of(9 + index % 8, 0)).atZone(PRACTICE).toOffsetDateTime();
    }

}
