package dev.stillpoint.booking.booking;

public enum BookingStatus {

    /** Booked and in the practitioner's diary. */
    CONFIRMED,

    /** A screening answer needs the practitioner's review before the session can go ahead. */
    PENDING_REVIEW,

    CANCELLED

}
