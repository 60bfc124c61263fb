package dev.stillpoint.support.work;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import dev.stillpoint.embedded.Waits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PollerTests {

    private static final Duration HOURLY = Duration.ofHours(1);

    private final WorkSignals signals = new WorkSignals(null);

    private Poller poller;

    @AfterEach
    void stop() {
        if (this.poller != null) {
            this.poller.stop();
        }
    }

    @Test
    void runsOnceAtStartThenWhenSignalledLongBeforeItsSafetyPoll() {
        AtomicInteger rounds = new AtomicInteger();
        this.poller = start("relay", () -> {
            rounds.incrementAndGet();
            return Work.WHEN_WOKEN;
        });
        await().atMost(Waits.STEP).until(() -> rounds.get() == 1);

        this.signals.signal("relay");
        await().atMost(Waits.STEP).until(() -> rounds.get() == 2);
    }

    @Test
    void comesBackAtOnceWhileABatchWasFullAndAtTheTimeTheWorkAsksFor() {
        AtomicInteger batches = new AtomicInteger();
        AtomicInteger rounds = new AtomicInteger();
        this.poller = start("dispatcher", () -> {
            rounds.incrementAndGet();
            // three full batches, then nothing waiting but something due in 50 ms, then idle
            int batch = batches.incrementAndGet();
            return (batch < 3) ? Work.AGAIN : (batch == 3) ? Duration.ofMillis(50) : Work.WHEN_WOKEN;
        });
        await().atMost(Waits.STEP).until(() -> rounds.get() == 4);
    }

    @Test
    void aFailingRoundIsTriedAgainAtTheNextSignal() {
        AtomicInteger rounds = new AtomicInteger();
        this.poller = start("flaky", () -> {
            if (rounds.incrementAndGet() == 1) {
                throw new IllegalStateException("Kafka is away");
            }
            return Work.WHEN_WOKEN;
        });
        await().atMost(Waits.STEP).until(() -> rounds.get() == 1);
        this.signals.signal("flaky");
        await().atMost(Waits.STEP).until(() -> rounds.get() == 2);
        assertThat(this.poller.isRunning()).isTrue();
    }

    private Poller start(String name, Work work) {
        Poller started = this.signals.poller(name, HOURLY, work);
        started.start();
        return started;
    }

}
