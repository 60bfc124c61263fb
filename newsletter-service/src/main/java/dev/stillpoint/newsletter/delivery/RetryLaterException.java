package dev.stillpoint.newsletter.delivery;

/** Work that may well succeed if tried again later: the SMTP server is away, or another instance holds the claim. */
public class RetryLaterException extends RuntimeException {

    RetryLaterException(String message) {
        super(message);
    }

    RetryLaterException(String message, Throwable cause) {
        super(message, cause);
    }

}
