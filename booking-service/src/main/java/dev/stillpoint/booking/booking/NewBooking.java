package dev.stillpoint.booking.booking;

import java.time.Instant;

import dev.stillpoint.booking.session.SessionType;

/** What a client asks for when booking. */
public record NewBooking(Client client, SessionType sessionType, Instant startsAt, boolean newsletterOptIn,
        Screening screening) {
}
