package dev.stillpoint.booking.staff;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.stillpoint.booking.appointment.Booking;
import dev.stillpoint.booking.appointment.BookingStatus;
import dev.stillpoint.booking.appointment.Screening;

/**
 * A booking as the practitioner reads it in the diary, on the practice's clock.
 *
 * @param id the booking
 * @param day e.g. "Monday 30 November"
 * @param time e.g. "10:00–11:15"
 * @param client name and email
 * @param session e.g. "75 minutes (60 hands-on)"
 * @param series e.g. "2 of 5"; {@code null} for a single session
 * @param held whether it waits for review of its screening answers
 * @param answeredYes the screening questions answered yes, in words: health data, shown to staff only
 * @param seriesId the weekly series this session belongs to; {@code null} for a single session
 * @param heldInSeries on the review page, how many sessions of its series are held when this is the first of them
 * listed; else 0
 */
public record DiaryEntry(UUID id, String day, String time, String client, String session, String series, boolean held,
        List<String> answeredYes, UUID seriesId, int heldInSeries) {

    static final DateTimeFormatter DAY_FORMAT = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    static DiaryEntry of(Booking booking, ZoneId zone) {
        return new DiaryEntry(booking.id(), DAY_FORMAT.format(booking.startsAt().atZone(zone)),
                TIME.format(booking.startsAt().atZone(zone)) + "–" + TIME.format(booking.endsAt().atZone(zone)),
                booking.client().name() + " <" + booking.client().email() + ">",
                booking.sessionType().bookedMinutes() + " minutes (" + booking.sessionType().handsOnMinutes()
                        + " hands-on)",
                (booking.series() != null) ? booking.series().occurrence() + " of " + booking.series().occurrences() : null,
                booking.status() == BookingStatus.PENDING_REVIEW,
                answeredYes(booking.screening()), (booking.series() != null) ? booking.series().id() : null, 0);
    }

    DiaryEntry heading(int heldInSeries) {
        return new DiaryEntry(this.id, this.day, this.time, this.client, this.session, this.series, this.held,
                this.answeredYes, this.seriesId, heldInSeries);
    }

    private static List<String> answeredYes(Screening screening) {
        List<String> yes = new ArrayList<>();
        if (screening.aneurysm()) {
            yes.add("a recent aneurysm");
        }
        if (screening.cerebralHemorrhage()) {
            yes.add("a cerebral haemorrhage");
        }
        if (screening.bleedingDisorder()) {
            yes.add("a severe bleeding disorder");
        }
        if (screening.intracranialPressure()) {
            yes.add("a condition that raises intracranial pressure");
        }
        return yes;
    }

}
