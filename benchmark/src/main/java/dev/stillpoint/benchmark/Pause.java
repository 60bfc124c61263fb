package dev.stillpoint.benchmark;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** The benchmark's one way to wait: it paces load and polls servers, and is not a test (where Awaitility waits). */
final class Pause {

    private Pause() {
    }

    static void briefly(Duration duration) {
        LockSupport.parkNanos(duration.toNanos());
        if (Thread.interrupted()) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted");
        }
    }

    /** Parks until {@code System.nanoTime()} reaches {@code nanos}. */
    static void until(long nanos) {
        long left;
        while ((left = nanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

}
