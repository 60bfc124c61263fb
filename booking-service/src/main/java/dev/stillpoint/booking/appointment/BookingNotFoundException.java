package dev.stillpoint.booking.appointment;

import java.util.UUID;

public class BookingNotFoundException extends RuntimeException {

    BookingNotFoundException(UUID id) {
        this("No booking with id " + id + ".");
    }

    BookingNotFoundException(String message) {
        super(message);
    }

}
