package dev.stillpoint.mail;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryScheduleTests {

    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(5), Duration.ofMinutes(30), 4);

    @Test
    void theWaitDoublesWithEachAttemptUpToTheLongest() {
        assertThat(this.schedule.delay(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(this.schedule.delay(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(this.schedule.delay(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(this.schedule.delay(12)).isEqualTo(Duration.ofMinutes(30));
        assertThat(this.schedule.delay(1000)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aPermanentRefusalFailsAtOnceWithTheServersAnswer() {
        RetrySchedule.Verdict verdict = this.schedule.judge(
                new MailDeliveryException("550 5.1.1 no such user", true, 550, null), 1);
        assertThat(verdict.failed()).isTrue();
        assertThat(verdict.outcome()).isEqualTo("failed");
        assertThat(verdict.reason()).isEqualTo("550 5.1.1 no such user");
    }

    @Test
    void aTransientFailureIsTriedAgainUntilTheLastAttempt() {
        MailDeliveryException full = new MailDeliveryException("452 mailbox full", false, 452, null);
        RetrySchedule.Verdict again = this.schedule.judge(full, 3);
        assertThat(again.failed()).isFalse();
        assertThat(again.outcome()).isEqualTo("retried");
        assertThat(again.retryIn()).isEqualTo(Duration.ofSeconds(20));
        RetrySchedule.Verdict last = this.schedule.judge(full, 4);
        assertThat(last.failed()).isTrue();
        assertThat(last.reason()).isEqualTo("Gave up after 4 attempts; the last answer: 452 mailbox full");
    }

}
