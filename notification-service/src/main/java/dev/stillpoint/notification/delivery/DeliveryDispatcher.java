package dev.stillpoint.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import dev.stillpoint.mail.MailDeliveryException;
import dev.stillpoint.mail.Mailer;
import dev.stillpoint.mail.MeteredMailer;
import dev.stillpoint.mail.OutgoingEmail;
import dev.stillpoint.support.Redaction;
import dev.stillpoint.support.TraceParents;
import dev.stillpoint.support.work.Work;
import dev.stillpoint.support.work.WorkSignals;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Sends the notifications that are due. A transient SMTP failure is retried later with a growing delay; a permanent
 * one (a 5xx answer) is recorded and never retried. Nothing is lost: a claim that was never settled, because the
 * instance died, expires and the notification is sent again, with the same Message-ID. Its poller runs it as soon
 * as a notification becomes due ({@link DeliveryQueue} signals after the commit), and sleeps until the next retry is
 * due otherwise.
 */
@Component
class DeliveryDispatcher implements Work, DisposableBean {

    /** Something is due but cannot be claimed yet (held by another instance, or behind an earlier email). */
    private static final Duration BLOCKED = Duration.ofSeconds(1);

    private static final Logger logger = LoggerFactory.getLogger(DeliveryDispatcher.class);

    private final DeliveryQueue queue;

    private final ClaimLedger ledger;

    private final HeldClaims claims;

    private final List<EmailComposer> composers;

    private final Mailer mailer;

    private final DeliveryProperties properties;

    private final MeterRegistry registry;

    private final TraceParents traceParents;

    private final Clock clock;

    private final ExecutorService senders;

    /** Emails claimed and not yet settled, at most {@code batchSize}: a claim waits no longer than its lease. */
    private final Semaphore room;

    private final WorkSignals signals;

    /** Whether the claims of this instance's previous run were taken back. */
    private boolean resumed;

    /** The least room worth a claim while emails are in flight. */
    private final int claimAtLeast;

    DeliveryDispatcher(DeliveryQueue queue, ClaimLedger ledger, HeldClaims claims, List<EmailComposer> composers,
            Mailer mailer, DeliveryProperties properties, MeterRegistry registry, TraceParents traceParents,
            Clock clock, WorkSignals signals) {
        this.traceParents = traceParents;
        this.signals = signals;
        this.room = new Semaphore(properties.batchSize());
        this.claimAtLeast = Math.max(1, properties.batchSize() / 4);
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(properties.senders(),
                (runnable) -> new Thread(runnable, "mail-sender-" + threads.incrementAndGet()));
        this.queue = queue;
        this.ledger = ledger;
        this.claims = claims;
        this.composers = composers;
        this.mailer = mailer;
        this.properties = properties;
        this.registry = registry;
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
                    deliverInTrace(notification);
                }
                finally {
                    this.room.release();
                    this.signals.wakeHere(DeliveryPolling.DISPATCHER);
                }
            });
        }
        return batch.size();
    }

    /** Sends in the trace of the event that caused the email, with its booking id in every log line. */
    private void deliverInTrace(PendingNotification notification) {
        try (MDC.MDCCloseable bookingId = MDC.putCloseable("bookingId", notification.bookingId().toString())) {
            this.traceParents.within(notification.traceParent(), "send " + notification.kind(),
                    () -> deliver(notification));
        }
    }

    private void deliver(PendingNotification notification) {
        UUID id = notification.id();
        OutgoingEmail email;
        try {
            email = composerOf(notification.kind()).compose(notification);
        }
        catch (RuntimeException ex) {
            logger.error("Could not write {} {}", notification.kind(), notification.messageId(), ex);
            settle(notification, "failed", (claim) -> this.ledger.markFailed(id, claim, "Could not write the email: " + ex));
            return;
        }
        try {
            this.mailer.send(email);
        }
        catch (MailDeliveryException ex) {
            failed(notification, ex);
            return;
        }
        logger.info("Sent {} {} for booking {}", notification.kind(), notification.messageId(), notification.bookingId());
        settle(notification, "sent", (claim) -> this.ledger.markSent(id, claim));
    }

    private void failed(PendingNotification notification, MailDeliveryException ex) {
        UUID id = notification.id();
        if (ex.isPermanent() || notification.attempts() >= this.properties.maxAttempts()) {
            logger.warn("Giving up on {} {} after {} attempt(s): {}", notification.kind(), notification.messageId(),
                    notification.attempts(), Redaction.addresses(ex.getMessage()));
            settle(notification, "failed", (claim) -> this.ledger.markFailed(id, claim, ex.getMessage()));
        }
        else {
            logger.info("Will retry {} {} (attempt {}): {}", notification.kind(), notification.messageId(),
                    notification.attempts(), Redaction.addresses(ex.getMessage()));
            Duration delay = this.properties.retryDelay(notification.attempts());
            settle(notification, "retried", (claim) -> this.ledger.retryLater(id, claim, delay, ex.getMessage()));
        }
    }

    /** Records the outcome under the claim, and counts it; an outcome the claim no longer held is counted apart. */
    private void settle(PendingNotification notification, String outcome, HeldClaims.Settle settle) {
        if (this.claims.settle(notification.id(), settle)) {
            MeteredMailer.count(this.registry, notification.kind(), outcome);
        }
        else {
            logger.warn("{} {} was {}, but meanwhile its claim lapsed or it was cancelled: the record was left as it "
                    + "was written then", notification.kind(), notification.messageId(), outcome);
            MeteredMailer.count(this.registry, notification.kind(), outcome + "-unclaimed");
        }
    }

    private EmailComposer composerOf(String kind) {
        return this.composers.stream().filter((composer) -> composer.composes(kind)).findFirst()
            .orElseThrow(() -> new IllegalStateException("No email is written for notifications of kind " + kind));
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
