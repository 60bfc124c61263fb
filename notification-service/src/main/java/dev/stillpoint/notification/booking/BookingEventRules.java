package dev.stillpoint.notification.booking;

import java.time.ZoneId;
import java.util.Set;
import java.util.regex.Pattern;

import dev.stillpoint.events.booking.BookingDetails;
import dev.stillpoint.events.booking.BookingEvent;

/**
 * What a booking event must have before notification-service acts on it: the listener's check, and the ops console's
 * for a corrected dead letter before it is replayed.
 */
public final class BookingEventRules {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    /** {@link ZoneId#getAvailableZoneIds()} copies the set on every call. */
    private static final Set<String> ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());

    private BookingEventRules() {
    }

    /** Throws {@link InvalidEventException}, saying what is wrong, unless the event can be acted on. */
    public static void validate(BookingEvent event) {
        BookingDetails booking = event.booking();
        if (event.eventId() == null || event.bookingId() == null || booking == null || booking.client() == null
                || booking.startsAt() == null || booking.endsAt() == null) {
            throw new InvalidEventException("Event lacks an id, a booking id, a client or the session times");
        }
        String email = booking.client().email();
        if (email == null || !EMAIL.matcher(email).matches()) {
            throw new InvalidEventException("Event has no valid client email address");
        }
        String zone = booking.client().timeZone();
        if (zone == null || !ZONES.contains(zone)) {
            throw new InvalidEventException("Event has an unknown client time zone '" + zone + "'");
        }
    }

}
