package dev.stillpoint.newsletter.delivery;

import java.time.Duration;
import java.util.Optional;

import dev.stillpoint.mail.MailDeliveryException;
import dev.stillpoint.mail.Mailer;
import dev.stillpoint.mail.MeteredMailer;
import dev.stillpoint.newsletter.system.NewsletterProperties;
import dev.stillpoint.support.Redaction;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Sends one recipient their issue, if the ledger says it is still theirs to get: claimed, throttled, sent, settled.
 * A transient SMTP failure gives the claim back and throws, so the record is retried with back-off; a permanent one
 * is recorded and never retried.
 */
@Service
class NewsletterSending {

    /** The kind in the {@code stillpoint.emails} counter. */
    static final String KIND = "NEWSLETTER";

    private static final Logger logger = LoggerFactory.getLogger(NewsletterSending.class);

    private final DeliveryLedger ledger;

    private final NewsletterEmails emails;

    private final Mailer mailer;

    private final MeterRegistry registry;

    private final Duration lease;

    private final TokenBucket perSecond;

    private final TokenBucket perHour;

    NewsletterSending(DeliveryLedger ledger, NewsletterEmails emails, Mailer mailer, NewsletterProperties properties,
            MeterRegistry registry) {
        this.registry = registry;
        this.ledger = ledger;
        this.emails = emails;
        this.mailer = mailer;
        this.lease = properties.lease();
        this.perSecond = new TokenBucket(properties.ratePerSecond(), Duration.ofSeconds(1));
        this.perHour = new TokenBucket(properties.ratePerHour(), Duration.ofHours(1));
    }

    void send(DeliveryRequest request) throws InterruptedException {
        // wait for the throttle before claiming: a claim held while waiting could outlive its lease
        this.perHour.take();
        this.perSecond.take();
        Optional<DeliveryLedger.Claimed> claimed = this.ledger.claim(request, this.lease);
        if (claimed.isEmpty()) {
            notClaimed(request);
            return;
        }
        DeliveryLedger.Claimed recipient = claimed.get();
        try {
            this.mailer.send(this.emails.compose(recipient.messageId(), recipient.email(), recipient.name(),
                    request.subscriberId(), recipient.title(), recipient.markdown()));
            this.ledger.markSent(request);
            MeteredMailer.count(this.registry, KIND, "sent");
        }
        catch (MailDeliveryException ex) {
            if (!ex.isPermanent()) {
                this.ledger.release(request, ex.getMessage());
                MeteredMailer.count(this.registry, KIND, "retried");
                throw new RetryLaterException("SMTP failure, will retry: " + Redaction.addresses(ex.getMessage()), ex);
            }
            logger.warn("Issue {} refused for subscriber {}: {}", request.issueId(), request.subscriberId(),
                    Redaction.addresses(ex.getMessage()));
            this.ledger.markFailed(request, ex.getMessage());
            MeteredMailer.count(this.registry, KIND, "failed");
        }
        complete(request);
    }

    private void notClaimed(DeliveryRequest request) {
        DeliveryLedger.State state = this.ledger.state(request).orElse(null);
        if (state == null || !"QUEUED".equals(state.delivery())) {
            return; // sent, settled or cancelled already: a redelivered record
        }
        if (!"CONFIRMED".equals(state.subscriber())) {
            this.ledger.markSkipped(request, "unsubscribed before it was sent");
            complete(request);
        }
        else if ("PAUSED".equals(state.issue())) {
            this.ledger.leaveForResume(request);
        }
        else if ("SENDING".equals(state.issue()) && state.claimedElsewhere()) {
            throw new RetryLaterException("Another instance holds the claim on this recipient; will look again");
        }
    }

    private void complete(DeliveryRequest request) {
        if (this.ledger.completeIfDone(request.issueId())) {
            logger.info("Issue {}: every recipient is accounted for", request.issueId());
        }
    }

}
