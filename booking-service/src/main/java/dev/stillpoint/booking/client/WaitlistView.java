package dev.stillpoint.booking.client;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import dev.stillpoint.booking.session.SessionType;
import dev.stillpoint.booking.waitlist.Offer;

/**
 * An offered time as the client reads it, in their zone.
 *
 * @param length e.g. "60 minutes, 45 of them hands-on"
 * @param day e.g. "Monday 30 November 2026"
 * @param time e.g. "10:00 to 11:00"
 * @param zone e.g. "Greenwich Mean Time (Europe/London)"
 */
record WaitlistView(String length, String day, String time, String zone) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    static WaitlistView of(Offer offer, SessionType type, ZoneId zone) {
        return new WaitlistView(type.bookedMinutes() + " minutes, " + type.handsOnMinutes() + " of them hands-on",
                DAY.format(offer.startsAt().atZone(zone)),
                TIME.format(offer.startsAt().atZone(zone)) + " to " + TIME.format(offer.endsAt().atZone(zone)),
                PageModel.zoneName(zone));
    }

}
