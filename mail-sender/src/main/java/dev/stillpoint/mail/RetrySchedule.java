package dev.stillpoint.mail;

import java.time.Duration;

/**
 * What becomes of an email the SMTP server did not take, one rule for every email of every service: a permanent
 * refusal (5xx) fails it at once; anything else is tried again after a delay that doubles with each attempt, from
 * {@code firstDelay} up to {@code maxDelay}, until {@code maxAttempts} have failed, and then it fails with the server's
 * last answer.
 *
 * @param firstDelay the wait after the first failed attempt
 * @param maxDelay the longest wait between two attempts
 * @param maxAttempts attempts after which a transient failure is given up on
 */
public record RetrySchedule(Duration firstDelay, Duration maxDelay, int maxAttempts) {

    /** The wait after attempt {@code attempts} (1 for the first) failed. */
    public Duration delay(int attempts) {
        Duration delay = this.firstDelay.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return (delay.compareTo(this.maxDelay) > 0) ? this.maxDelay : delay;
    }

    /** What to do with an email whose attempt {@code attempts} (1 for the first) ended in {@code failure}. */
    public Verdict judge(MailDeliveryException failure, int attempts) {
        if (failure.isPermanent()) {
            return new Verdict(null, failure.getMessage());
        }
        if (attempts >= this.maxAttempts) {
            return new Verdict(null, "Gave up after " + attempts + " attempts; the last answer: " + failure.getMessage());
        }
        return new Verdict(delay(attempts), failure.getMessage());
    }

    /**
     * @param retryIn when to try again, or {@code null} if the email has failed for good
     * @param reason what the server said, to record with the email
     */
    public record Verdict(Duration retryIn, String reason) {

        public boolean failed() {
            return this.retryIn == null;
        }

        /** The outcome in the {@code stillpoint.emails} counter ({@link MeteredMailer#count}). */
        public String outcome() {
            return failed() ? "failed" : "retried";
        }

    }

}
