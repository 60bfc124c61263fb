package dev.stillpoint.notification.booking;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import dev.stillpoint.events.booking.BookingCancelled;
import dev.stillpoint.events.booking.BookingConfirmed;
import dev.stillpoint.events.booking.BookingDetails;
import dev.stillpoint.events.booking.BookingDeclined;
import dev.stillpoint.events.booking.BookingHeldForReview;
import dev.stillpoint.events.booking.BookingRescheduled;

/** Booking events as booking-service publishes them. */
public final class BookingEventFixtures {

    /** Monday 9 March 2026, 09:00 in New York: the first weekday after the US clocks went forward. */
    static final Instant START = Instant.parse("2026-03-09T13:00:00Z");

    private BookingEventFixtures() {
    }

    public static BookingDetails details(UUID bookingId, String email, String timeZone, Instant start, String status) {
        return new BookingDetails(new BookingDetails.Client("Ada Lovelace", email, timeZone), "CST_60", 60, 45, start,
                start.plusSeconds(3600), status, false,
                URI.create("http://localhost:8081/bookings/" + bookingId + "/manage?token=abc"));
    }

    public static BookingConfirmed confirmed(UUID bookingId, String email, String timeZone) {
        return new BookingConfirmed(UUID.randomUUID(), bookingId, 1, START.minusSeconds(7 * 86400),
                details(bookingId, email, timeZone, START, "CONFIRMED"), false);
    }

    public static BookingHeldForReview held(UUID bookingId, String email) {
        return new BookingHeldForReview(UUID.randomUUID(), bookingId, 1, START.minusSeconds(7 * 86400),
                details(bookingId, email, "Europe/London", START, "PENDING_REVIEW"));
    }

    public static BookingRescheduled rescheduled(UUID bookingId, String email, String timeZone, Instant newStart) {
        return new BookingRescheduled(UUID.randomUUID(), bookingId, 2, START.minusSeconds(6 * 86400),
                details(bookingId, email, timeZone, newStart, "CONFIRMED"), START);
    }

    public static BookingCancelled cancelled(UUID bookingId, String email, String timeZone, long version) {
        return new BookingCancelled(UUID.randomUUID(), bookingId, version, START.minusSeconds(5 * 86400),
                details(bookingId, email, timeZone, START, "CANCELLED"));
    }

    static BookingDeclined declined(UUID bookingId, String email) {
        return new BookingDeclined(UUID.randomUUID(), bookingId, 2, START.minusSeconds(6 * 86400),
                details(bookingId, email, "Europe/London", START, "DECLINED"));
    }

}
