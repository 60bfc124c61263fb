package dev.stillpoint.booking.client;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import dev.stillpoint.booking.appointment.Booking;

/**
 * A booking as a client reads it: times in their zone, the status in words.
 *
 * @param id the booking
 * @param title the kind of session
 * @param length e.g. "60 minutes, 45 of them hands-on"
 * @param day e.g. "Monday 30 November 2026"
 * @param time e.g. "10:00 to 11:00"
 * @param status {@code CONFIRMED}, {@code PENDING_REVIEW}, {@code CANCELLED} or {@code DECLINED}
 * @param series e.g. "Session 2 of a weekly series of 5"; {@code null} for a single session
 * @param live whether the booking still holds its time (confirmed or held for review)
 */
public record BookingView(UUID id, String title, String length, String day, String time, String status, String series,
        boolean live) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    static BookingView of(Booking booking, ZoneId zone) {
        return new BookingView(booking.id(), booking.sessionType().title(),
                booking.sessionType().bookedMinutes() + " minutes, " + booking.sessionType().handsOnMinutes()
                        + " of them hands-on",
                DAY.format(booking.startsAt().atZone(zone)),
                TIME.format(booking.startsAt().atZone(zone)) + " to " + TIME.format(booking.endsAt().atZone(zone)),
                booking.status().name(),
                (booking.series() != null) ? "Session " + booking.series().occurrence() + " of a weekly series of "
                        + booking.series().occurrences() : null,
                booking.isLive());
    }

}
