package dev.stillpoint.embedded;

import java.time.Duration;

/**
 * How long a test waits for asynchronous work, sized to the work on a busy machine (2 cores shared by the test JVM,
 * Kafka, PostgreSQL, the SMTP server and perhaps a second build), not to what a quiet one does. A wait that runs out
 * is a failure, so each is generous: a passing test returns as soon as its condition holds and pays nothing for it.
 */
public final class Waits {

    /**
     * One step of the pipeline: an event through Kafka to its consumer's outcome (a row, a record, an email), a
     * scheduler poll, an outbox relay. Includes a consumer joining its group, which alone can take seconds.
     */
    public static final Duration STEP = Duration.ofSeconds(60);

    /** A page: the request, the server's answer and the browser's rendering, or a script's update of it. */
    public static final Duration PAGE = Duration.ofSeconds(30);

    /** A service started as its own JVM, from its jar to ready. */
    public static final Duration PROCESS_START = Duration.ofMinutes(3);

    /** What one email adds to a wait for many: 20 per second, a tenth of what the senders manage on a quiet machine. */
    private static final Duration PER_EMAIL = Duration.ofMillis(50);

    private Waits() {
    }

    /** Sending {@code count} emails through the pipeline: one step, plus the time the emails themselves take. */
    public static Duration emails(int count) {
        return STEP.plus(PER_EMAIL.multipliedBy(count));
    }

}
