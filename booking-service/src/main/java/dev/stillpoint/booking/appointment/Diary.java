package dev.stillpoint.booking.appointment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import dev.stillpoint.support.practice.PracticeProperties;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The bookings as the diary holds them: the days' schedule, the times taken, and what waits for review. */
@Service
public class Diary {

    private final BookingRepository bookings;

    /** The practice's time zone. */
    private final ZoneId zone;

    private final Clock clock;

    Diary(BookingRepository bookings, PracticeProperties practice, Clock clock) {
        this.bookings = bookings;
        this.zone = practice.timeZone();
        this.clock = clock;
    }

    /** Live bookings (confirmed or held) on the practice's days {@code from} up to, not including, {@code until}. */
    @Transactional(readOnly = true)
    public List<Booking> between(LocalDate from, LocalDate until) {
        ZoneId zone = this.zone;
        return this.bookings.findLiveBetween(from.atStartOfDay(zone).toInstant(), until.atStartOfDay(zone).toInstant());
    }

    /** Live bookings (confirmed or held) that overlap {@code from} up to {@code to}. */
    @Transactional(readOnly = true)
    public List<Booking> liveBetween(Instant from, Instant to) {
        return this.bookings.findLiveBetween(from, to);
    }

    /** Bookings held because of a screening answer, not yet started, soonest first. */
    @Transactional(readOnly = true)
    public List<Booking> awaitingReview() {
        return this.bookings.findHeldFrom(this.clock.instant());
    }

    public LocalDate today() {
        return LocalDate.now(this.clock.withZone(this.zone));
    }

    public ZoneId practiceTimeZone() {
        return this.zone;
    }

}
