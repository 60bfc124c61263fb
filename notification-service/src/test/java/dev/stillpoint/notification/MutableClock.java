package dev.stillpoint.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that tests set and move, and that otherwise runs at the normal pace (db-scheduler waits on it between
 * polls). Everything in the service that tells time reads it, db-scheduler included.
 */
public final class MutableClock extends Clock {

    private volatile Duration offset;

    public MutableClock(Instant now) {
        set(now);
    }

    /** From now on, the clock reads {@code instant}, and runs on from there. */
    public void set(Instant instant) {
        this.offset = Duration.between(Instant.now(), instant);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(this.offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Everything here works in UTC");
    }

}
