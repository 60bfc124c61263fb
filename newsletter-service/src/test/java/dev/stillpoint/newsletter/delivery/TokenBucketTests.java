package dev.stillpoint.newsletter.delivery;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTests {

    @Test
    void aFullBucketGivesItsCapacityAtOnceThenSaysHowLongUntilTheNext() {
        TokenBucket bucket = new TokenBucket(3, Duration.ofHours(1));
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isZero();
        // one token comes back every 20 minutes: the next is at most that far away, and not already there
        long wait = bucket.tryTake();
        assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(20).toNanos());
        assertThat(bucket.tryTake()).as("asking again takes nothing").isPositive();
    }

    @Test
    void takeWaitsForATokenThatComesBack() throws InterruptedException {
        TokenBucket bucket = new TokenBucket(1, Duration.ofMillis(20));
        bucket.take();
        bucket.take(); // waits about 20 ms for the refill, and returns with the token taken
        assertThat(bucket.tryTake()).isPositive();
    }

}
