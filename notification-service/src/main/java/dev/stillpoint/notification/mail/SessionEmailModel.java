package dev.stillpoint.notification.mail;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import dev.stillpoint.events.booking.BookingDetails;
import dev.stillpoint.support.practice.PracticeProperties;

/** What every email about a session shows: who it is for, when it is (in the client's zone), where, and how to change it. */
public final class SessionEmailModel {

    public static final String SESSION_TITLE = "CranioSacral therapy";

    private SessionEmailModel() {
    }

    /** A template model with the session's details; callers add what their email says besides. */
    public static Map<String, Object> of(BookingDetails booking, PracticeProperties practice) {
        ZoneId zone = ZoneId.of(booking.client().timeZone());
        Map<String, Object> model = new HashMap<>();
        model.put("clientName", booking.client().name());
        model.put("sessionTitle", SESSION_TITLE);
        model.put("bookedMinutes", booking.bookedMinutes());
        model.put("handsOnMinutes", booking.handsOnMinutes());
        model.put("when", SessionTimes.of(booking.startsAt(), booking.endsAt(), zone));
        if (!zone.equals(practice.timeZone())) {
            // the session happens at the practice: say what time that is there, too
            model.put("practiceWhen", SessionTimes.of(booking.startsAt(), booking.endsAt(), practice.timeZone()));
        }
        if (booking.series() != null) {
            model.put("seriesPlace", "session " + booking.series().occurrence() + " of your weekly series of "
                    + booking.series().occurrences());
        }
        model.put("manageUrl", booking.manageUrl());
        model.put("preferencesUrl", booking.preferencesUrl());
        model.put("practice", practice);
        return model;
    }

}
