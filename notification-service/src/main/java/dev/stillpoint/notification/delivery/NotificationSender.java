package dev.stillpoint.notification.delivery;

import java.util.List;
import java.util.UUID;

import dev.stillpoint.mail.MailDeliveryException;
import dev.stillpoint.mail.Mailer;
import dev.stillpoint.mail.MeteredMailer;
import dev.stillpoint.mail.OutgoingEmail;
import dev.stillpoint.mail.RetrySchedule;
import dev.stillpoint.support.Redaction;
import dev.stillpoint.support.TraceParents;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.stereotype.Component;

/**
 * Sends one claimed notification and records what came of it under the claim: sent; failed for good (an email that
 * could not be written, a permanent refusal, or the last attempt); or tried again later, as mail-sender's
 * {@link RetrySchedule} says for every email.
 */
@Component
class NotificationSender {

    private static final Logger logger = LoggerFactory.getLogger(NotificationSender.class);

    private final ClaimLedger ledger;

    private final HeldClaims claims;

    private final List<EmailComposer> composers;

    private final Mailer mailer;

    private final RetrySchedule retries;

    private final MeterRegistry registry;

    private final TraceParents traceParents;

    NotificationSender(ClaimLedger ledger, HeldClaims claims, List<EmailComposer> composers, Mailer mailer,
            DeliveryProperties properties, MeterRegistry registry, TraceParents traceParents) {
        this.ledger = ledger;
        this.claims = claims;
        this.composers = composers;
        this.mailer = mailer;
        this.retries = properties.retries();
        this.registry = registry;
        this.traceParents = traceParents;
    }

    /** Sends in the trace of the event that caused the email, with its booking id in every log line. */
    void deliverInTrace(PendingNotification notification) {
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
        RetrySchedule.Verdict verdict = this.retries.judge(ex, notification.attempts());
        if (verdict.failed()) {
            logger.warn("Giving up on {} {} after {} attempt(s): {}", notification.kind(), notification.messageId(),
                    notification.attempts(), Redaction.addresses(ex.getMessage()));
            settle(notification, verdict.outcome(), (claim) -> this.ledger.markFailed(id, claim, verdict.reason()));
        }
        else {
            logger.info("Will retry {} {} (attempt {}) in {}: {}", notification.kind(), notification.messageId(),
                    notification.attempts(), verdict.retryIn(), Redaction.addresses(ex.getMessage()));
            settle(notification, verdict.outcome(),
                    (claim) -> this.ledger.retryLater(id, claim, verdict.retryIn(), verdict.reason()));
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

}
