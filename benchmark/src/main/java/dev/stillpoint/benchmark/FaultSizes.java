package dev.stillpoint.benchmark;

/**
 * The sizes of a fault-suite run: reduced in the test suite (a few minutes in all), full with {@code -Pfaults}.
 *
 * @param rate bookings per second while faults are injected
 * @param seconds how long each booking scenario books
 * @param kills how many times notification-service is SIGKILLed (and started again) in the first scenario
 * @param outageSeconds how long the SMTP server and the broker are away
 * @param subscribers the newsletter's subscribers while newsletter-service is SIGKILLed
 * @param newsletterKills how many times newsletter-service is SIGKILLed while it sends
 * @param newsletterRate the newsletter's throttle (emails a second) in that scenario, so that the kills fall mid-send
 */
record FaultSizes(int rate, int seconds, int kills, int outageSeconds, int subscribers, int newsletterKills,
        int newsletterRate) {

    /** The sizes of the table in README's "Reliability". */
    static FaultSizes full() {
        return new FaultSizes(40, 60, 5, 30, 20_000, 3, 500);
    }

    static FaultSizes reduced() {
        return new FaultSizes(20, 15, 2, 5, 1_000, 2, 100);
    }

    static FaultSizes fromSystemProperties() {
        return Boolean.getBoolean("stillpoint.faults.full") ? full() : reduced();
    }

    String describe() {
        return rate + " bookings/s for " + seconds + " s per scenario; notification-service killed " + kills
                + " times; outages of " + outageSeconds + " s; newsletter to " + subscribers + " subscribers at "
                + newsletterRate + "/s, newsletter-service killed " + newsletterKills + " times.";
    }

}
