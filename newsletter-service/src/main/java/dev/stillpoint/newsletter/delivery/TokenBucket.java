package dev.stillpoint.newsletter.delivery;

import java.time.Duration;

/**
 * Allows {@code capacity} sends per {@code period}, refilled smoothly, in bursts of at most {@code capacity}.
 * {@link #take()} waits for a token. Thread-safe.
 */
final class TokenBucket {

    private final double capacity;

    private final double tokensPerNano;

    private double tokens;

    private long refilledAt = System.nanoTime();

    TokenBucket(int capacity, Duration period) {
        this.capacity = capacity;
        this.tokensPerNano = capacity / (double) period.toNanos();
        this.tokens = capacity;
    }

    void take() throws InterruptedException {
        long wait;
        while ((wait = tryTake()) > 0) {
            Thread.sleep(Math.max(1, wait / 1_000_000), (int) (wait % 1_000_000));
        }
    }

    /** Takes a token and returns 0, or returns how many nanoseconds until one is there. */
    synchronized long tryTake() {
        long now = System.nanoTime();
        this.tokens = Math.min(this.capacity, this.tokens + (now - this.refilledAt) * this.tokensPerNano);
        this.refilledAt = now;
        if (this.tokens >= 1) {
            this.tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - this.tokens) / this.tokensPerNano);
    }

}
