package dev.stillpoint.support;

/**
 * Work a listener could not do now that may well succeed later (a server is away, another instance holds the claim):
 * {@link ListenerErrorHandlers} retries it with back-off for as long as it takes, and never dead-letters it.
 */
public class RetryLaterException extends RuntimeException {

    public RetryLaterException(String message) {
        super(message);
    }

    public RetryLaterException(String message, Throwable cause) {
        super(message, cause);
    }

}
