package dev.stillpoint.booking.availability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import dev.stillpoint.booking.appointment.Booking;
import dev.stillpoint.booking.appointment.BookingProperties;
import dev.stillpoint.booking.appointment.Diary;
import dev.stillpoint.booking.session.SessionType;
import dev.stillpoint.support.practice.PracticeProperties;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The practice's real availability: every start inside opening hours, on the slot grid, in the future and within the
 * booking horizon, whose session (and, for a weekly series, every later week's) overlaps no live booking.
 */
@Component
public class Availability {

    private static final Duration NEAREST_WINDOW = Duration.ofDays(7);

    private final Diary diary;

    private final BookingProperties properties;

    /** The practice's time zone. */
    private final ZoneId zone;

    private final Clock clock;

    Availability(Diary diary, BookingProperties properties, PracticeProperties practice, Clock clock) {
        this.diary = diary;
        this.properties = properties;
        this.zone = practice.timeZone();
        this.clock = clock;
    }

    /**
     * Free starts in {@code [from, to)} for {@code sessions} weekly sessions of {@code type}.
     * @param moving a booking being rescheduled, whose own time counts as free; {@code null} when booking anew
     */
    @Transactional(readOnly = true)
    public List<Instant> freeStarts(SessionType type, int sessions, Instant from, Instant to, UUID moving) {
        List<Booking> taken = this.diary.liveBetween(from, to.plus(Duration.ofDays(7L * sessions)));
        return candidates(type, from, to).stream()
            .filter((start) -> isFree(start, type, sessions, taken, moving))
            .toList();
    }

    /** Up to {@code count} free starts closest to {@code wanted}, within a week either side, in order of time. */
    @Transactional(readOnly = true)
    public List<Instant> nearestFree(SessionType type, int sessions, Instant wanted, UUID moving, int count) {
        return freeStarts(type, sessions, wanted.minus(NEAREST_WINDOW), wanted.plus(NEAREST_WINDOW), moving).stream()
            .sorted(Comparator.comparing((Instant start) -> Duration.between(start, wanted).abs()))
            .limit(count)
            .sorted()
            .toList();
    }

    public ZoneId practiceTimeZone() {
        return this.zone;
    }

    private List<Instant> candidates(SessionType type, Instant from, Instant to) {
        ZoneId zone = this.zone;
        BookingProperties.OpeningHours hours = this.properties.openingHours();
        long slot = this.properties.slot().toSeconds();
        long first = -Math.floorDiv(-hours.opens().toSecondOfDay(), slot) * slot;
        long lastEnd = hours.closes().toSecondOfDay() - type.length().toSeconds();
        Instant now = this.clock.instant();
        Instant horizon = now.plus(this.properties.bookingHorizon());
        List<Instant> starts = new ArrayList<>();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(to.atZone(zone).toLocalDate()); day = day.plusDays(1)) {
            if (!hours.days().contains(day.getDayOfWeek())) {
                continue;
            }
            for (long second = first; second <= lastEnd; second += slot) {
                Instant start = day.atTime(LocalTime.ofSecondOfDay(second)).atZone(zone).toInstant();
                if (start.isAfter(now) && !start.isAfter(horizon) && !start.isBefore(from) && start.isBefore(to)) {
                    starts.add(start);
                }
            }
        }
        return starts;
    }

    private boolean isFree(Instant start, SessionType type, int sessions, List<Booking> taken, UUID moving) {
        ZoneId zone = this.zone;
        Instant horizon = this.clock.instant().plus(this.properties.bookingHorizon());
        for (int week = 0; week < sessions; week++) {
            Instant weekStart = start.atZone(zone).plusWeeks(week).toInstant();
            Instant weekEnd = weekStart.plus(type.length());
            boolean overlaps = taken.stream()
                .anyMatch((booking) -> !booking.id().equals(moving) && booking.startsAt().isBefore(weekEnd)
                        && weekStart.isBefore(booking.endsAt()));
            if (overlaps || weekStart.isAfter(horizon)) {
                return false;
            }
        }
        return true;
    }

}
