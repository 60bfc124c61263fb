package dev.stillpoint.booking.booking;

import java.util.UUID;

public class BookingNotFoundException extends RuntimeException {

    BookingNotFoundException(UUID id) {
        super("No booking with id " + id + ".");
    }

}
