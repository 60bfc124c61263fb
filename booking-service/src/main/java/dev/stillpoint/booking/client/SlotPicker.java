package dev.stillpoint.booking.client;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import dev.stillpoint.booking.appointment.Booking;
import dev.stillpoint.booking.availability.Availability;
import dev.stillpoint.booking.session.SessionType;

import org.springframework.stereotype.Component;

/**
 * A week of free times, shown in the client's time zone: what the booking and manage pages offer to choose from. A
 * time is labelled with the practice's clock too whenever the client's differs from it.
 */
@Component
class SlotPicker {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private static final int WEEKS_AHEAD = 57;

    private final Availability availability;

    SlotPicker(Availability availability) {
        this.availability = availability;
    }

    /**
     * The seven days from {@code from} (today when {@code null} or past) in {@code zone}, with the free starts of
     * {@code sessions} weekly sessions of {@code type}.
     * @param moving a booking being rescheduled: the times that overlap only its own are free, but its current start
     * is not offered; {@code null} when booking anew
     */
    Week week(SessionType type, int sessions, ZoneId zone, LocalDate from, Booking moving) {
        LocalDate today = LocalDate.now(zone);
        LocalDate first = (from == null || from.isBefore(today)) ? today : from;
        LocalDate last = today.plusWeeks(WEEKS_AHEAD);
        first = first.isAfter(last) ? last : first;
        Instant start = first.atStartOfDay(zone).toInstant();
        Instant end = first.plusDays(7).atStartOfDay(zone).toInstant();
        Map<LocalDate, List<Slot>> byDay = new TreeMap<>();
        for (int day = 0; day < 7; day++) {
            byDay.put(first.plusDays(day), new ArrayList<>());
        }
        UUID movingId = (moving != null) ? moving.id() : null;
        for (Instant free : this.availability.freeStarts(type, sessions, start, end, movingId)) {
            if (moving != null && free.equals(moving.startsAt())) {
                continue;
            }
            byDay.get(free.atZone(zone).toLocalDate()).add(slot(free, zone));
        }
        List<Day> days = byDay.entrySet().stream().map((day) -> new Day(DAY.format(day.getKey()), day.getValue())).toList();
        LocalDate previous = first.isAfter(today) ? max(first.minusDays(7), today) : null;
        LocalDate next = first.plusDays(7).isAfter(last) ? null : first.plusDays(7);
        return new Week(WEEK.format(first) + " to " + WEEK.format(first.plusDays(6)), first, previous, next, days);
    }

    /** The free times nearest to one that could not be had. */
    List<Slot> nearest(SessionType type, int sessions, Instant wanted, ZoneId zone, Booking moving) {
        UUID movingId = (moving != null) ? moving.id() : null;
        return this.availability.nearestFree(type, sessions, wanted, movingId, 7).stream()
            .filter((free) -> moving == null || !free.equals(moving.startsAt()))
            .limit(6)
            .map((free) -> slot(free, zone))
            .toList();
    }

    private Slot slot(Instant start, ZoneId zone) {
        ZoneId practice = this.availability.practiceTimeZone();
        String time = TIME.format(start.atZone(zone));
        String atPractice = zone.getRules().getOffset(start).equals(practice.getRules().getOffset(start)) ? null
                : TIME.format(start.atZone(practice));
        return new Slot(start.toString(), DAY.format(start.atZone(zone)), time, atPractice);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * @param label the days it spans
     * @param from its first day, in the client's zone
     * @param previous the first day of the week before, {@code null} when this one starts today
     * @param next the first day of the week after, {@code null} at the booking horizon
     * @param days each day with its free times
     */
    public record Week(String label, LocalDate from, LocalDate previous, LocalDate next, List<Day> days) {

        public boolean isEmpty() {
            return this.days.stream().allMatch((day) -> day.slots().isEmpty());
        }

    }

    public record Day(String label, List<Slot> slots) {
    }

    /**
     * @param value the start as an ISO-8601 instant, what the form sends
     * @param day the day in the client's zone
     * @param time the time in the client's zone
     * @param atPractice the time on the practice's clock when it differs, else {@code null}
     */
    public record Slot(String value, String day, String time, String atPractice) {
    }

}
