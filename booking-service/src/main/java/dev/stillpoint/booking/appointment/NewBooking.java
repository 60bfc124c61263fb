package dev.stillpoint.booking.appointment;

import java.time.Instant;

import dev.stillpoint.booking.session.SessionType;

/** What a client asks for when booking. */
public record NewBooking(Client client, SessionType sessionType, Instant startsAt, boolean newsletterOptIn,
        Screening screening) {

    /** The same request for another start: the next week of a series. */
    NewBooking startingAt(Instant start) {
        return new NewBooking(this.client, this.sessionType, start, this.newsletterOptIn, this.screening);
    }

}
