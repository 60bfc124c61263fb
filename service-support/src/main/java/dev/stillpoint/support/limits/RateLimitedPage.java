package dev.stillpoint.support.limits;

import java.time.Duration;

/** A page form went over its limit: answered with a page that says when to try again (status 429), not a problem. */
public class RateLimitedPage extends RuntimeException {

    private final TooManyRequests limit;

    public RateLimitedPage(Duration retryAfter) {
        super("Too many requests", null, false, false);
        this.limit = new TooManyRequests(retryAfter);
    }

    TooManyRequests limit() {
        return this.limit;
    }

}
