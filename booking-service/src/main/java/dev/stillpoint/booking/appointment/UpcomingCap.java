package dev.stillpoint.booking.appointment;

import java.time.Clock;

import org.springframework.stereotype.Component;

/**
 * How many sessions one email address may hold ahead without asking the practice
 * ({@code stillpoint.booking.max-upcoming-per-client}): a stranger cannot fill the calendar under one address, and a
 * client with a series still fits. Staff booking on a client's behalf are not held to it.
 */
@Component
class UpcomingCap {

    private final BookingRepository bookings;

    private final BookingProperties properties;

    private final Clock clock;

    UpcomingCap(BookingRepository bookings, BookingProperties properties, Clock clock) {
        this.bookings = bookings;
        this.properties = properties;
        this.clock = clock;
    }

    /** Refuses {@code adding} more sessions for {@code email} if they would take it past the cap. */
    void check(String email, int adding) {
        if (Staff.isActing()) {
            return;
        }
        int upcoming = this.bookings.lockAndCountUpcoming(email, this.clock.instant());
        int cap = this.properties.maxUpcomingPerClient();
        if (upcoming + adding > cap) {
            throw new BookingRuleViolation("client.email", ("This email address already has %d sessions booked ahead, and "
                    + "online booking takes at most %d. Please call or email the practice to book more.")
                .formatted(upcoming, cap));
        }
    }

}
