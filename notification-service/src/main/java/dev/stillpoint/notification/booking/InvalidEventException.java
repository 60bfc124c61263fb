package dev.stillpoint.notification.booking;

/** An event that was read but cannot be acted on; retrying cannot help, so it goes straight to the dead letters. */
public class InvalidEventException extends RuntimeException {

    InvalidEventException(String message) {
        super(message);
    }

}
