package dev.stillpoint.booking.waitlist;

import java.util.UUID;

import dev.stillpoint.booking.appointment.Client;
import dev.stillpoint.booking.appointment.Screening;
import dev.stillpoint.booking.session.SessionType;

/**
 * A client on the waitlist.
 *
 * @param status {@code WAITING}, {@code BOOKED} (a session was booked from an offer) or {@code LEFT}
 */
public record WaitlistEntry(UUID id, Client client, SessionType sessionType, Wish wish, Screening screening, String status) {

    public static final String WAITING = "WAITING";

    public boolean waiting() {
        return WAITING.equals(this.status);
    }

}
