package dev.stillpoint.newsletter.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.stillpoint.mail.MailDeliveryException;
import dev.stillpoint.mail.MeteredMailer;
import dev.stillpoint.newsletter.system.NewsletterProperties;
import dev.stillpoint.support.Redaction;
import dev.stillpoint.support.RetryLaterException;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Sends recipients their issue, if the ledger says it is still theirs to get: claimed, throttled, sent, settled. It
 * works in chunks: one statement claims a chunk's recipients, those sent are recorded as the server accepts them (at
 * most {@code max-in-doubt} accepted but not recorded at once: all a kill can send again), and the issue is rendered
 * once, each recipient's email differing only in its links. A recipient refused for the moment (450-459) waits for its
 * own next attempt while the rest go on, up to {@code max-attempts} (then it is recorded as failed, with the server's
 * last answer); a server that is away gives the rest of the chunk back and throws, so that the batch is retried with
 * back-off; a permanent refusal is recorded and never retried.
 */
@Service
class NewsletterSending {

    /** The kind in the {@code stillpoint.emails} counter. */
    static final String KIND = "NEWSLETTER";

    /** The most recipients claimed at once: at the throttle's pace, a chunk's claims last about a second. */
    private static final int MAX_CHUNK = 100;

    private static final Logger logger = LoggerFactory.getLogger(NewsletterSending.class);

    /** Told when recipients were settled: the issue may be complete ({@link RecipientsSettled}). */
    private final ApplicationEventPublisher settled;

    private final RecipientClaims claims;

    private final HeldRecipients held;

    private final NewsletterEmails emails;

    private final SmtpConnections connections;

    private final RecipientOutcomes outcomes;

    private final RefusedRecipients refused;

    private final TokenBucket perHour;

    private final MeterRegistry registry;

    private final int chunk;

    NewsletterSending(ApplicationEventPublisher settled, RecipientClaims claims, RecipientOutcomes outcomes,
            RefusedRecipients refused, HeldRecipients held, NewsletterEmails emails, SmtpConnections connections,
            NewsletterProperties properties, MeterRegistry registry) {
        this.settled = settled;
        this.claims = claims;
        this.held = held;
        this.emails = emails;
        this.connections = connections;
        this.outcomes = outcomes;
        this.refused = refused;
        this.registry = registry;
        this.perHour = new TokenBucket(properties.ratePerHour(), Duration.ofHours(1));
        this.chunk = Math.max(1, Math.min(MAX_CHUNK, properties.ratePerSecond()));
    }

    /**
     * Sends each request, in order, in chunks; throws {@link RetryLaterException} if any must come again later (the
     * batch is then retried whole, and those reached already are skipped).
     */
    void send(List<DeliveryRequest> requests) throws InterruptedException {
        for (int from = 0; from < requests.size(); from += this.chunk) {
            sendChunk(requests.subList(from, Math.min(requests.size(), from + this.chunk)));
        }
    }

    private void sendChunk(List<DeliveryRequest> requests) throws InterruptedException {
        // wait for the hourly throttle before claiming: a claim held while waiting could outlive its lease
        for (int i = 0; i < requests.size(); i++) {
            this.perHour.take();
        }
        Map<UUID, List<DeliveryRequest>> byIssue = requests.stream()
            .collect(Collectors.groupingBy(DeliveryRequest::issueId, LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<UUID, List<DeliveryRequest>> issue : byIssue.entrySet()) {
            sendIssue(issue.getKey(), issue.getValue());
        }
    }

    private void sendIssue(UUID issueId, List<DeliveryRequest> requests) throws InterruptedException {
        List<RecipientClaims.Claimed> claimed = this.held.claim(issueId,
                requests.stream().map(DeliveryRequest::subscriberId).toList());
        Set<UUID> wasClaimed = claimed.stream().map((recipient) -> recipient.request().subscriberId())
            .collect(Collectors.toSet());
        RetryLaterException later = null;
        for (DeliveryRequest request : requests) {
            if (!wasClaimed.contains(request.subscriberId())) {
                try {
                    notClaimed(request);
                }
                catch (RetryLaterException ex) {
                    later = ex;
                }
            }
        }
        if (!claimed.isEmpty()) {
            try {
                sendClaimed(issueId, claimed);
            }
            finally {
                this.held.letGo(claimed.get(0).claim());
            }
        }
        complete(issueId);
        if (later != null) {
            throw later;
        }
    }

    /**
     * Sends the claimed recipients side by side over the instance's SMTP connections, recording those sent as the
     * server accepts them (no more than {@code max-in-doubt} accepted but not yet recorded), then settles the others: the refused for good or for the moment one by
     * one; those the server did not answer (it is away) are given back, and it throws.
     */
    private void sendClaimed(UUID issueId, List<RecipientClaims.Claimed> claimed) throws InterruptedException {
        UUID claim = claimed.get(0).claim();
        NewsletterEmails.Rendered issue = rendering(issueId);
        List<MailDeliveryException> failures = this.connections.send(claimed.stream()
            .map((recipient) -> issue.personalise(recipient.messageId(), recipient.email(), recipient.name(),
                    recipient.request().subscriberId()))
            .toList(), (accepted) -> this.outcomes.markSent(claim, issueId,
                    accepted.stream().map((index) -> claimed.get(index).request().subscriberId()).toList()));
        List<UUID> later = new ArrayList<>();
        MailDeliveryException transientFailure = null;
        for (int i = 0; i < claimed.size(); i++) {
            RecipientClaims.Claimed recipient = claimed.get(i);
            MailDeliveryException failure = failures.get(i);
            if (failure == null) {
                MeteredMailer.count(this.registry, KIND, "sent"); // recorded as it was accepted
            }
            else if (failure.isPermanent() || failure.isRefusedForNow()) {
                this.refused.settle(claim, recipient, failure);
            }
            else {
                MeteredMailer.count(this.registry, KIND, "retried");
                later.add(recipient.request().subscriberId());
                transientFailure = failure;
            }
        }
        if (transientFailure != null) {
            this.outcomes.release(claim, issueId, later, transientFailure.getMessage());
            throw new RetryLaterException("SMTP failure, will retry: " + Redaction.addresses(transientFailure.getMessage()),
                    transientFailure);
        }
    }

    private NewsletterEmails.Rendered rendering(UUID issueId) {
        RecipientClaims.Content content = this.claims.content(issueId)
            .orElseThrow(() -> new IllegalStateException("No issue " + issueId));
        return this.emails.rendered(issueId, content.title(), content.markdown());
    }

    private void notClaimed(DeliveryRequest request) {
        RecipientClaims.State state = this.claims.state(request).orElse(null);
        if (state == null || !"QUEUED".equals(state.delivery())) {
            return; // sent, settled or cancelled already: a redelivered record
        }
        if (!"CONFIRMED".equals(state.subscriber())) {
            this.outcomes.markSkipped(request, "unsubscribed before it was sent");
        }
        else if ("PAUSED".equals(state.issue())) {
            this.outcomes.leaveForResume(request);
        }
        else if ("SENDING".equals(state.issue()) && !state.dueLater()) {
            // held by another instance, or its lapsed claim ran out between the claim and this look: either way it is
            // still to be sent, and only this record says so for the next ten minutes
            throw new RetryLaterException(state.claimedElsewhere()
                    ? "Another instance holds the claim on this recipient; will look again"
                    : "This recipient's claim lapsed as it was claimed; will claim it again");
        }
    }

    private void complete(UUID issueId) {
        this.settled.publishEvent(new RecipientsSettled(issueId));
    }

}
