package dev.stillpoint.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import dev.stillpoint.support.work.Work;
import dev.stillpoint.support.work.WorkSignals;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Sends the notifications that are due, side by side, each by {@link NotificationSender}. Nothing is lost: a claim that
 * was never settled, because the instance died, expires and the notification is sent again, with the same Message-ID.
 * Its poller runs it as soon as a notification becomes due ({@link DeliveryQueue} signals after the commit), and sleeps
 * until the next retry is due otherwise.
 */
@Component
class DeliveryDispatcher implements Work, DisposableBean {

    /** Something is due but cannot be claimed yet (held by another instance, or behind an earlier email). */
    private static final Duration BLOCKED = Duration.ofSeconds(1);

    private final DeliveryQueue queue;

    private final HeldClaims claims;

    private final NotificationSender sender;

    private final Clock clock;

    private final ExecutorService senders;

    /** Emails claimed and not yet settled, at most {@code batchSize}: a claim waits no longer than its lease. */
    private final Semaphore room;

    private final WorkSignals signals;

    /** Whether the claims of this instance's previous run were taken back. */
    private boolean resumed;

    /** The least room worth a claim while emails are in flight. */
    private final int claimAtLeast;

    DeliveryDispatcher(DeliveryQueue queue, HeldClaims claims, NotificationSender sender, DeliveryProperties properties,
            Clock clock, WorkSignals signals) {
        this.signals = signals;
        this.room = new Semaphore(properties.batchSize());
        this.claimAtLeast = Math.max(1, properties.batchSize() / 4);
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(properties.senders(),
                (runnable) -> new Thread(runnable, "mail-sender-" + threads.incrementAndGet()));
        this.queue = queue;
        this.claims = claims;
        this.sender = sender;
    }

    /**
     * Claims as many due notifications as there is room for and hands them to the senders without waiting for them:
     * claiming goes on while earlier emails are being sent, and each send that ends wakes the poller, so a trickle
     * of emails goes out as fast as a batch. Returns how many were claimed.
     */
    int dispatchDue() {
        int room = this.room.availablePermits();
        if (room == 0) {
            return 0;
        }
        List<PendingNotification> batch = this.claims.claim(room).notifications();
        for (PendingNotification notification : batch) {
            this.room.acquireUninterruptibly();
            this.senders.execute(() -> {
                try {
                    this.sender.deliverInTrace(notification);
                }
                finally {
                    this.room.release();
                    this.signals.wakeHere(DeliveryPolling.DISPATCHER);
                }
            });
        }
        return batch.size();
    }

    /**
     * Sends a batch; comes back at once, when the next retry is due, or when woken by a new notification or by a send
     * that ended.
     */
    @Override
    public Duration run() {
        if (!this.resumed) {
            this.claims.resume();
            this.resumed = true;
        }
        if (this.room.availablePermits() < this.claimAtLeast) {
            // while a full batch is being sent, a claim waits for a quarter of the room: one claim per email that
            // ends was two statements per email for PostgreSQL in a backlog
            return WHEN_WOKEN;
        }
        if (dispatchDue() > 0) {
            return AGAIN;
        }
        Instant next = this.queue.nextAttempt();
        if (next == null) {
            return WHEN_WOKEN;
        }
        Duration untilDue = Duration.between(this.clock.instant(), next);
        return untilDue.isNegative() || untilDue.isZero() ? BLOCKED : untilDue;
    }

    @Override
    public void destroy() {
        this.senders.shutdown();
    }

}
