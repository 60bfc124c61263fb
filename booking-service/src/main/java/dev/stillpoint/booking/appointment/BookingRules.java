package dev.stillpoint.booking.appointment;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.stillpoint.booking.session.SessionType;
import dev.stillpoint.support.practice.PracticeProperties;

import org.springframework.stereotype.Component;

/** When a session may take place: in the future, on a slot boundary, inside opening hours. */
@Component
class BookingRules {

    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private final BookingProperties properties;

    /** The practice's time zone, in which opening hours are given. */
    private final ZoneId zone;

    private final Clock clock;

    BookingRules(BookingProperties properties, PracticeProperties practice, Clock clock) {
        this.properties = properties;
        this.zone = practice.timeZone();
        this.clock = clock;
    }

    void checkStart(Instant startsAt, SessionType sessionType) {
        Instant now = this.clock.instant();
        if (!startsAt.isAfter(now)) {
            throw new BookingRuleViolation("startsAt", "The session must start in the future.");
        }
        if (startsAt.isAfter(now.plus(this.properties.bookingHorizon()))) {
            throw new BookingRuleViolation("startsAt", "Sessions can be booked at most %d days ahead."
                .formatted(this.properties.bookingHorizon().toDays()));
        }
        ZonedDateTime start = startsAt.atZone(this.zone);
        ZonedDateTime end = start.plus(sessionType.length());
        long slotSeconds = this.properties.slot().toSeconds();
        if (start.toLocalTime().toSecondOfDay() % slotSeconds != 0 || start.getNano() != 0) {
            throw new BookingRuleViolation("startsAt", "Sessions start on the %d-minute mark (%s)."
                .formatted(this.properties.slot().toMinutes(), this.zone));
        }
        BookingProperties.OpeningHours hours = this.properties.openingHours();
        boolean openThatDay = hours.days().contains(start.getDayOfWeek());
        boolean withinHours = !start.toLocalTime().isBefore(hours.opens()) && end.toLocalDate().equals(start.toLocalDate())
                && !end.toLocalTime().isAfter(hours.closes());
        if (!openThatDay || !withinHours) {
            throw new BookingRuleViolation("startsAt", "The practice is open %s, %s to %s (%s); a %d-minute session must fit inside."
                .formatted(describeDays(hours), HOURS.format(hours.opens()), HOURS.format(hours.closes()),
                        this.zone, sessionType.bookedMinutes()));
        }
    }

    /** Refuses a change to a booking that no longer holds its time, or whose session has started. */
    void checkUpcoming(Booking booking, String change) {
        if (!booking.isLive()) {
            throw new BookingConflictException("This booking is " + booking.status().name().toLowerCase(Locale.ROOT)
                    + " and cannot be " + change + ".");
        }
        if (!booking.startsAt().isAfter(this.clock.instant())) {
            throw new BookingConflictException("This session has already started and cannot be " + change + ".");
        }
    }

    /**
     * Whether a client may still cancel or move the booking themselves: it holds its time and starts after the
     * practice's cancellation notice period.
     */
    boolean changeableOnline(Booking booking) {
        return booking.isLive()
                && booking.startsAt().isAfter(this.clock.instant().plus(this.properties.cancellationNotice()));
    }

    /** Refuses a client's change inside the cancellation notice period: then they call the practice. */
    void checkNotice(Booking booking, String change) {
        if (!changeableOnline(booking)) {
            throw new BookingConflictException("Your session starts within %s, so it can no longer be %s online. "
                .formatted(this.properties.cancellationNoticeInWords(), change) + "Please call the practice.");
        }
    }

    /**
     * A weekly series: the first session as requested, each next one a week later at the same time at the practice
     * (so a series that spans a change of the clocks stays at, say, 10:00). Every week must keep the rules.
     */
    List<NewBooking> weekly(NewBooking first, int sessions) {
        ZonedDateTime start = first.startsAt().atZone(this.zone);
        List<NewBooking> weeks = new ArrayList<>();
        for (int week = 0; week < sessions; week++) {
            NewBooking session = first.startingAt(start.plusWeeks(week).toInstant());
            try {
                checkStart(session.startsAt(), session.sessionType());
            }
            catch (BookingRuleViolation ex) {
                throw (week == 0) ? ex : new BookingRuleViolation("startsAt", "Session " + (week + 1) + " of the series, on "
                        + DAY.format(start.plusWeeks(week)) + ": " + ex.getMessage());
            }
            weeks.add(session);
        }
        return weeks;
    }

    private static String describeDays(BookingProperties.OpeningHours hours) {
        return String.join(", ", hours.days().stream().sorted()
            .map((day) -> day.getDisplayName(TextStyle.FULL, Locale.ENGLISH)).toList());
    }

}
