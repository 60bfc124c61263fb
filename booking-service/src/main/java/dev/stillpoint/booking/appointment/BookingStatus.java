package dev.stillpoint.booking.appointment;

public enum BookingStatus {

    /** Booked and in the practitioner's diary. */
    CONFIRMED,

    /** A screening answer needs the practitioner's review before the session can go ahead. */
    PENDING_REVIEW,

    CANCELLED,

    /** The practitioner reviewed the screening answers and could not offer the session. */
    DECLINED;

    /** Whether the booking holds its time in the diary. */
    public boolean isLive() {
        return this == CONFIRMED || this == PENDING_REVIEW;
    }

}
