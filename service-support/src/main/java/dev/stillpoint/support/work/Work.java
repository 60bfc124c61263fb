package dev.stillpoint.support.work;

import java.time.Duration;

/**
 * One round of background work driven by a {@link Poller}: publish a batch, send what is due, take a sample.
 */
@FunctionalInterface
public interface Work {

    /** Come back at once: a full batch was handled and more may be waiting. */
    Duration AGAIN = Duration.ZERO;

    /** Nothing known to be waiting: come back when woken, or at the poller's safety poll. */
    Duration WHEN_WOKEN = Duration.ofDays(365);

    /**
     * Does one round; returns the longest wait before the next ({@link #AGAIN}, {@link #WHEN_WOKEN}, or the time until
     * something known becomes due). A wake-up ends any wait early; the poller's safety poll caps it.
     */
    Duration run();

}
