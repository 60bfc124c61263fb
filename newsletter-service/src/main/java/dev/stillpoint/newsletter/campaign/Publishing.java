package dev.stillpoint.newsletter.campaign;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import dev.stillpoint.newsletter.campaign.NewsletterIssue.Status;
import dev.stillpoint.newsletter.delivery.DeliveryLedger;
import dev.stillpoint.newsletter.lifecycle.LifecycleEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * An issue's life: written, published now or at a set time, paused, resumed, cancelled. Publishing queues the issue
 * for every confirmed subscriber in the delivery ledger, in the same transaction that marks it sending.
 */
@Service
public class Publishing {

    private static final Logger logger = LoggerFactory.getLogger(Publishing.class);

    private final IssueRepository issues;

    private final DeliveryLedger ledger;

    private final SchedulerClient scheduler;

    private final LifecycleEvents events;

    private final Clock clock;

    private final IssueCompletion completion;

    Publishing(IssueRepository issues, DeliveryLedger ledger, SchedulerClient scheduler, LifecycleEvents events,
            Clock clock, IssueCompletion completion) {
        this.issues = issues;
        this.completion = completion;
        this.ledger = ledger;
        this.scheduler = scheduler;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public NewsletterIssue write(String title, String markdown) {
        NewsletterIssue issue = new NewsletterIssue(UUID.randomUUID(), title.strip(), markdown, Status.DRAFT, null, null,
                null);
        this.issues.insert(issue, this.clock.instant());
        return issue;
    }

    /** Changes the title and body of an issue that has not gone out yet. */
    @Transactional
    public NewsletterIssue revise(UUID id, String title, String markdown) {
        lock(id, EnumSet.of(Status.DRAFT, Status.SCHEDULED), "edited");
        this.issues.revise(id, title.strip(), markdown, this.clock.instant());
        return find(id);
    }

    @Transactional(readOnly = true)
    public List<NewsletterIssue> findAll() {
        return this.issues.findAll();
    }

    @Transactional(readOnly = true)
    public NewsletterIssue find(UUID id) {
        return this.issues.findById(id).orElseThrow(() -> notFound(id));
    }

    /** Publishes now, or at {@code at} if that is later; returns how the issue stands. */
    @Transactional
    public NewsletterIssue publish(UUID id, Instant at) {
        NewsletterIssue issue = lock(id, EnumSet.of(Status.DRAFT, Status.SCHEDULED), "published");
        Instant now = this.clock.instant();
        if (at != null && at.isAfter(now)) {
            this.issues.update(id, Status.SCHEDULED, at, null, now);
            this.scheduler.schedule(PublishTask.TASK.instance(id.toString()).scheduledTo(at),
                    SchedulerClient.ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
            return find(id);
        }
        int recipients = this.ledger.queueForConfirmedSubscribers(id);
        this.issues.update(id, Status.SENDING, issue.scheduledFor(), now, now);
        this.events.published(id, issue.title(), recipients, issue.scheduledFor());
        logger.info("Issue {} published to {} confirmed subscribers", id, recipients);
        if (recipients == 0) {
            this.completion.completeIfDone(id);
        }
        return find(id);
    }

    @Transactional
    public NewsletterIssue pause(UUID id) {
        NewsletterIssue issue = lock(id, EnumSet.of(Status.SENDING), "paused");
        this.issues.update(id, Status.PAUSED, issue.scheduledFor(), issue.publishedAt(), this.clock.instant());
        return find(id);
    }

    @Transactional
    public NewsletterIssue resume(UUID id) {
        NewsletterIssue issue = lock(id, EnumSet.of(Status.PAUSED), "resumed");
        this.issues.update(id, Status.SENDING, issue.scheduledFor(), issue.publishedAt(), this.clock.instant());
        this.ledger.fanOutAgain(id);
        this.completion.completeIfDone(id);
        return find(id);
    }

    /** Stops the issue for every recipient not reached yet; those already sent stay sent. */
    @Transactional
    public NewsletterIssue cancel(UUID id) {
        NewsletterIssue issue = lock(id, EnumSet.of(Status.DRAFT, Status.SCHEDULED, Status.SENDING, Status.PAUSED),
                "cancelled");
        this.issues.update(id, Status.CANCELLED, issue.scheduledFor(), issue.publishedAt(), this.clock.instant());
        int cancelled = this.ledger.cancelQueued(id);
        this.events.cancelled(id, issue.title(), this.ledger.progress(id).sent(), cancelled);
        this.scheduler.getScheduledExecution(PublishTask.TASK.instanceId(id.toString()))
            .ifPresent((execution) -> this.scheduler.cancel(PublishTask.TASK.instanceId(id.toString())));
        return find(id);
    }

    private NewsletterIssue lock(UUID id, Set<Status> allowed, String change) {
        NewsletterIssue issue = this.issues.lockById(id).orElseThrow(() -> notFound(id));
        if (!allowed.contains(issue.status())) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "This issue is " + issue.status() + " and cannot be " + change + ".");
            problem.setTitle("Issue conflict");
            throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
        }
        return issue;
    }

    private static ErrorResponseException notFound(UUID id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No newsletter issue " + id + ".");
        problem.setTitle("Issue not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }

}
