package dev.stillpoint.booking.client;

import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Locale;

import dev.stillpoint.booking.appointment.BookingProperties;
import dev.stillpoint.support.practice.PracticeProperties;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What every client page says about the practice: its name and phone, its clock and its notice period. */
@Component
class PageModel {

    /** The limits (stillpoint.rate-limit.limits) the booking and manage pages count their writes against. */
    static final String BOOKING_LIMIT = "booking";

    static final String CHANGES_LIMIT = "changes";

    /** What the booking and manage pages say when the chosen time was booked by someone else meanwhile. */
    static final String TAKEN_MEANWHILE = "Sorry, someone else booked that time a moment ago. Please choose another.";

    private final PracticeProperties practice;

    private final BookingProperties booking;

    PageModel(PracticeProperties practice, BookingProperties booking) {
        this.practice = practice;
        this.booking = booking;
    }

    ZoneId practiceTimeZone() {
        return this.practice.timeZone();
    }

    /** The practice, and {@code zone}: the time zone the page shows times in. */
    void describe(Model model, ZoneId zone) {
        model.addAttribute("practice", this.practice);
        model.addAttribute("zoneName", zoneName(zone));
        model.addAttribute("noticePeriod", this.booking.cancellationNoticeInWords());
    }

    static String zoneName(ZoneId zone) {
        return zone.getDisplayName(TextStyle.FULL, Locale.UK) + " (" + zone.getId() + ")";
    }

}
