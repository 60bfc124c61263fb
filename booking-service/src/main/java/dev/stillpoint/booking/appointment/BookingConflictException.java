package dev.stillpoint.booking.appointment;

/** The request clashes with the booking's state or with another booking (409). */
public class BookingConflictException extends RuntimeException {

    public BookingConflictException(String message) {
        super(message);
    }

}
