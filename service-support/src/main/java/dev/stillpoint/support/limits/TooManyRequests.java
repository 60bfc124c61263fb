package dev.stillpoint.support.limits;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A client address went over its limit: a 429 problem detail with {@code Retry-After}, in seconds. */
public class TooManyRequests extends ErrorResponseException {

    private final Duration retryAfter;

    public TooManyRequests(Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, problem(retryAfter), null);
        this.retryAfter = retryAfter;
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()));
    }

    public Duration retryAfter() {
        return this.retryAfter;
    }

    /** "a minute", "12 minutes", "2 hours": when the client may try again, in words. */
    public String retryAfterInWords() {
        long minutes = Math.max(1, (this.retryAfter.toSeconds() + 59) / 60);
        if (minutes == 1) {
            return "a minute";
        }
        return (minutes < 120) ? minutes + " minutes" : ((minutes + 59) / 60) + " hours";
    }

    private static ProblemDetail problem(Duration retryAfter) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests from your address. Please try again in " + retryAfter.toSeconds() + " seconds.");
        problem.setTitle("Too many requests");
        problem.setProperty("retryAfterSeconds", retryAfter.toSeconds());
        return problem;
    }

}
