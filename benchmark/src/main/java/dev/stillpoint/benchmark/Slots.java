package dev.stillpoint.benchmark;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Free session times for the benchmark's bookings: every whole hour from 00:00 to 22:00 UTC, from three days ahead
 * (the benchmark's practice is open around the clock, in UTC), each handed out once per run so no two bookings clash.
 */
final class Slots {

    private static final int PER_DAY = 23;

    private final Instant first = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(3, ChronoUnit.DAYS);

    private final AtomicInteger next = new AtomicInteger();

    Instant next() {
        int slot = this.next.getAndIncrement();
        return this.first.plus(slot / PER_DAY, ChronoUnit.DAYS).plus(slot % PER_DAY, ChronoUnit.HOURS);
    }

}
