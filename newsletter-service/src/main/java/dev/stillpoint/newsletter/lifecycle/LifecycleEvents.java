package dev.stillpoint.newsletter.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import dev.stillpoint.events.newsletter.NewsletterDeliveryCompleted;
import dev.stillpoint.events.newsletter.NewsletterEvent;
import dev.stillpoint.events.newsletter.NewsletterEventType;
import dev.stillpoint.events.newsletter.NewsletterIssueCancelled;
import dev.stillpoint.events.newsletter.NewsletterIssuePublished;
import dev.stillpoint.events.newsletter.NewsletterTopics;
import dev.stillpoint.outbox.Outbox;
import dev.stillpoint.outbox.OutboxMessage;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells ops what happened to an issue, on {@code newsletter.events}: written to the outbox in the transaction of the
 * change itself, so an event is published if and only if the change was committed.
 */
@Component
public class LifecycleEvents {

    private final Outbox outbox;

    private final Clock clock;

    LifecycleEvents(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void published(UUID issueId, String title, int recipients, Instant scheduledFor) {
        record(new NewsletterIssuePublished(UUID.randomUUID(), issueId, this.clock.instant(), title, recipients,
                scheduledFor));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void completed(UUID issueId, String title, String outcome, Instant publishedAt, int recipients, int sent,
            int failed, int skipped) {
        record(new NewsletterDeliveryCompleted(UUID.randomUUID(), issueId, this.clock.instant(), title, outcome,
                publishedAt, recipients, sent, failed, skipped));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void cancelled(UUID issueId, String title, int sent, int cancelled) {
        record(new NewsletterIssueCancelled(UUID.randomUUID(), issueId, this.clock.instant(), title, sent, cancelled));
    }

    private void record(NewsletterEvent event) {
        this.outbox.append(new OutboxMessage(event.eventId(), NewsletterTopics.NEWSLETTER_EVENTS,
                event.issueId().toString(), NewsletterEventType.of(event).ceType(), NewsletterTopics.SOURCE,
                event.occurredAt(), event));
    }

}
