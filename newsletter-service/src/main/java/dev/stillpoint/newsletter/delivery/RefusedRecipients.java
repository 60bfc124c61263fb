package dev.stillpoint.newsletter.delivery;

import java.util.UUID;

import dev.stillpoint.mail.MailDeliveryException;
import dev.stillpoint.mail.MeteredMailer;
import dev.stillpoint.mail.RetrySchedule;
import dev.stillpoint.newsletter.system.NewsletterProperties;
import dev.stillpoint.support.Redaction;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/** Settles a recipient the SMTP server answered with a refusal, and counts it. */
@Component
class RefusedRecipients {

    private static final Logger logger = LoggerFactory.getLogger(RefusedRecipients.class);

    private final RecipientOutcomes outcomes;

    /** When a recipient refused for the moment is tried again, and when it is given up on. */
    private final RetrySchedule retries;

    private final MeterRegistry registry;

    RefusedRecipients(RecipientOutcomes outcomes, NewsletterProperties properties, MeterRegistry registry) {
        this.outcomes = outcomes;
        this.retries = properties.retries();
        this.registry = registry;
    }

    /**
     * A recipient the server refused, as mail-sender's {@link RetrySchedule} judges every email: for good (5xx) it is
     * recorded as failed; for the moment ("452 mailbox full") it waits for its own next attempt, neither holding up the
     * others nor keeping the issue from ending, and after {@code max-attempts} it is recorded as failed with the
     * server's answer. (A server that is away, answering nobody, is waited out however long it takes.)
     */
    void settle(UUID claim, RecipientClaims.Claimed recipient, MailDeliveryException failure) {
        RetrySchedule.Verdict verdict = this.retries.judge(failure, recipient.attempts());
        MeteredMailer.count(this.registry, NewsletterSending.KIND, verdict.outcome());
        if (verdict.failed()) {
            logger.warn("Issue {}: giving up on subscriber {} after {} attempt(s): {}", recipient.request().issueId(),
                    recipient.request().subscriberId(), recipient.attempts(), Redaction.addresses(failure.getMessage()));
            this.outcomes.markFailed(claim, recipient.request(), verdict.reason());
        }
        else {
            logger.info("Issue {}: subscriber {} refused for now (attempt {}), tried again in {}: {}",
                    recipient.request().issueId(), recipient.request().subscriberId(), recipient.attempts(),
                    verdict.retryIn(), Redaction.addresses(failure.getMessage()));
            this.outcomes.retryLater(claim, recipient.request(), verdict.retryIn(), verdict.reason());
        }
    }

}
