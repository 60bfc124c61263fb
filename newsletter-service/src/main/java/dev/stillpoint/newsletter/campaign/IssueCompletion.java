package dev.stillpoint.newsletter.campaign;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.stillpoint.newsletter.delivery.DeliveryLedger;
import dev.stillpoint.newsletter.delivery.DeliveryLedger.Progress;
import dev.stillpoint.newsletter.delivery.RecipientsSettled;
import dev.stillpoint.newsletter.lifecycle.LifecycleEvents;
import dev.stillpoint.newsletter.subscriber.SubscriberErased;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends an issue once no recipient is left queued: {@code SENT}, or {@code SENT_WITH_FAILURES} when any was refused,
 * with its {@code NewsletterIssueCompleted} event. Looked at when it is published to nobody or resumed, whenever the
 * senders settle some of its recipients ({@link RecipientsSettled}), and when a recipient is erased.
 */
@Component
class IssueCompletion {

    private static final Logger logger = LoggerFactory.getLogger(IssueCompletion.class);

    private final JdbcClient jdbc;

    private final DeliveryLedger ledger;

    private final LifecycleEvents events;

    private final Clock clock;

    IssueCompletion(JdbcClient jdbc, DeliveryLedger ledger, LifecycleEvents events, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    void on(RecipientsSettled settled) {
        completeIfDone(settled.issueId());
    }

    /** An erased subscriber may have been the last recipient an issue waited for. */
    @EventListener
    @Transactional
    void on(SubscriberErased erased) {
        erased.queuedIssues().forEach(this::completeIfDone);
    }

    /** Ends the issue if every recipient is accounted for; returns whether this call ended it. */
    @Transactional
    boolean completeIfDone(UUID issueId) {
        Optional<Completed> completed = this.jdbc.sql("""
                update newsletter_issue set completed_at = :now, updated_at = :now,
                    status = case when exists (select 1 from delivery where issue_id = :issue and status = 'FAILED')
                        then 'SENT_WITH_FAILURES' else 'SENT' end
                where id = :issue and status = 'SENDING'
                and not exists (select 1 from delivery where issue_id = :issue and status = 'QUEUED')
                returning title, status, published_at""")
            .param("now", Timestamp.from(this.clock.instant())).param("issue", issueId)
            .query((rs, row) -> new Completed(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
            .optional();
        completed.ifPresent((issue) -> {
            Progress progress = this.ledger.progress(issueId);
            this.events.completed(issueId, issue.title(), issue.status(), issue.publishedAt(), progress.total(),
                    progress.sent(), progress.failed(), progress.skipped());
            logger.info("Issue {}: every recipient is accounted for ({})", issueId, issue.status());
        });
        return completed.isPresent();
    }

    private record Completed(String title, String status, Instant publishedAt) {
    }

}
