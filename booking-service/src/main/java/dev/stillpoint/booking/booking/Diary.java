package dev.stillpoint.booking.booking;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The practitioner's view of the bookings: the days' schedule and what waits for review. */
@Service
public class Diary {

    private final BookingRepository bookings;

    private final BookingProperties properties;

    private final Clock clock;

    Diary(BookingRepository bookings, BookingProperties properties, Clock clock) {
        this.bookings = bookings;
        this.properties = properties;
        this.clock = clock;
    }

    /** Live bookings (confirmed or held) on the practice's days {@code from} up to, not including, {@code until}. */
    @Transactional(readOnly = true)
    public List<Booking> between(LocalDate from, LocalDate until) {
        ZoneId zone = this.properties.practiceTimeZone();
        return this.bookings.findLiveBetween(from.atStartOfDay(zone).toInstant(), until.atStartOfDay(zone).toInstant());
    }

    /** Bookings held because of a screening answer, not yet started, soonest first. */
    @Transactional(readOnly = true)
    public List<Booking> awaitingReview() {
        return this.bookings.findHeldFrom(this.clock.instant());
    }

    public LocalDate today() {
        return LocalDate.now(this.clock.withZone(this.properties.practiceTimeZone()));
    }

    public ZoneId practiceTimeZone() {
        return this.properties.practiceTimeZone();
    }

}
