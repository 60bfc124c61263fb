package dev.stillpoint.notification.staff;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import dev.stillpoint.events.booking.BookingDetails;
import dev.stillpoint.notification.mail.SessionTimes;

/** A session as the practice's emails show it (the {@code staffSession} fragment): who, when in the practice's time. */
public final class StaffSessionModel {

    private StaffSessionModel() {
    }

    /** A model with the session filled in, ready for the rest of the email's entries. */
    public static Map<String, Object> of(BookingDetails booking, SessionTimes when) {
        Map<String, Object> model = new HashMap<>();
        model.put("clientName", booking.client().name());
        model.put("clientEmail", booking.client().email());
        model.put("bookedMinutes", booking.bookedMinutes());
        model.put("when", when);
        model.put("seriesPlace", (booking.series() != null) ? "session " + booking.series().occurrence() + " of a weekly "
                + "series of " + booking.series().occurrences() : null);
        return model;
    }

    /** The session's times in the practice's zone. */
    public static SessionTimes times(BookingDetails booking, ZoneId practice) {
        return SessionTimes.of(booking.startsAt(), booking.endsAt(), practice);
    }

}
