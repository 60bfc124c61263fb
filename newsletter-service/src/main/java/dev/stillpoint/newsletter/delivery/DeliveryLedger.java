package dev.stillpoint.newsletter.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.stillpoint.newsletter.lifecycle.LifecycleEvents;
import dev.stillpoint.newsletter.system.NewsletterProperties;
import dev.stillpoint.support.work.WorkSignals;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * One row per issue and recipient. A recipient is sent an issue only by claiming its row while the row is queued,
 * the issue is sending and the subscriber is still confirmed; the row, not the Kafka offset, remembers that it went.
 */
@Repository
public class DeliveryLedger {

    private final JdbcClient jdbc;

    private final LifecycleEvents events;

    private final Clock clock;

    private final String messageIdDomain;

    private final WorkSignals signals;

    DeliveryLedger(JdbcClient jdbc, LifecycleEvents events, Clock clock, NewsletterProperties properties,
            WorkSignals signals) {
        this.jdbc = jdbc;
        this.signals = signals;
        this.events = events;
        this.clock = clock;
        this.messageIdDomain = properties.messageIdDomain();
    }

    /** Queues the issue for every confirmed subscriber, as the list stands now; returns how many. */
    public int queueForConfirmedSubscribers(UUID issueId) {
        int queued = this.jdbc.sql("""
                insert into delivery (issue_id, subscriber_id, status, message_id)
                select :issue, id, 'QUEUED', '<' || :issue || '.' || id || '@' || :domain || '>'
                from subscriber where status = 'CONFIRMED'
                on conflict do nothing""")
            .param("issue", issueId).param("domain", this.messageIdDomain)
            .update();
        this.signals.signal(FanOutRelay.NAME);
        return queued;
    }

    /** Cancels every recipient not reached yet; returns how many. */
    public int cancelQueued(UUID issueId) {
        return this.jdbc.sql("update delivery set status = 'CANCELLED' where issue_id = ? and status = 'QUEUED'")
            .param(issueId).update();
    }

    /** Has every queued recipient fanned out again, e.g. after a pause. */
    public void fanOutAgain(UUID issueId) {
        this.jdbc.sql("update delivery set fanned_out_at = null where issue_id = ? and status = 'QUEUED'")
            .param(issueId).update();
        this.signals.signal(FanOutRelay.NAME);
    }

    public Progress progress(UUID issueId) {
        Instant minuteAgo = this.clock.instant().minus(Duration.ofMinutes(1));
        return this.jdbc.sql("""
                select count(*), count(*) filter (where status = 'SENT'), count(*) filter (where status = 'FAILED'),
                    count(*) filter (where status = 'SKIPPED'), count(*) filter (where status = 'CANCELLED'),
                    count(*) filter (where status = 'QUEUED'), count(*) filter (where sent_at > ?)
                from delivery where issue_id = ?""")
            .params(Timestamp.from(minuteAgo), issueId)
            .query((rs, row) -> new Progress(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                    rs.getInt(6), rs.getInt(7) / 60.0))
            .single();
    }

    /** Marks up to {@code limit} queued recipients of sending issues as fanned out, and returns them. */
    List<DeliveryRequest> claimForFanOut(int limit, Duration fanOutAgainAfter) {
        Instant now = this.clock.instant();
        return this.jdbc.sql("""
                update delivery set fanned_out_at = :now
                where (issue_id, subscriber_id) in (select d.issue_id, d.subscriber_id from delivery d
                    join newsletter_issue i on i.id = d.issue_id
                    where d.status = 'QUEUED' and i.status = 'SENDING'
                    and (d.fanned_out_at is null or d.fanned_out_at < :again)
                    limit :limit for update of d skip locked)
                returning issue_id, subscriber_id""")
            .param("now", Timestamp.from(now)).param("again", Timestamp.from(now.minus(fanOutAgainAfter)))
            .param("limit", limit)
            .query((rs, row) -> new DeliveryRequest(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
            .list();
    }

    /**
     * Claims, in one statement, those of an issue's recipients that are still to be sent to now (queued, the issue
     * sending, the subscriber confirmed, nobody else's claim running); returns them with what their email needs.
     */
    List<Claimed> claim(UUID issueId, List<UUID> subscriberIds, Duration lease) {
        Instant now = this.clock.instant();
        return this.jdbc.sql("""
                update delivery d set claimed_until = :until, attempts = d.attempts + 1
                from subscriber s, newsletter_issue i
                where d.issue_id = :issue and d.subscriber_id in (:subscribers) and s.id = d.subscriber_id
                and i.id = d.issue_id and d.status = 'QUEUED' and i.status = 'SENDING' and s.status = 'CONFIRMED'
                and (d.claimed_until is null or d.claimed_until < :now)
                returning d.subscriber_id, s.email, s.name, d.message_id""")
            .param("until", Timestamp.from(now.plus(lease))).param("now", Timestamp.from(now))
            .param("issue", issueId).param("subscribers", subscriberIds)
            .query((rs, row) -> new Claimed(new DeliveryRequest(issueId, rs.getObject(1, UUID.class)), rs.getString(2),
                    rs.getString(3), rs.getString(4)))
            .list();
    }

    /** The title and Markdown of an issue. */
    Optional<Content> content(UUID issueId) {
        return this.jdbc.sql("select title, markdown from newsletter_issue where id = ?").param(issueId)
            .query((rs, row) -> new Content(rs.getString(1), rs.getString(2)))
            .optional();
    }

    /** Why a recipient could not be claimed: what its row, its subscriber and its issue say now. */
    Optional<State> state(DeliveryRequest request) {
        return this.jdbc.sql("""
                select d.status, s.status, i.status, d.claimed_until from delivery d
                join subscriber s on s.id = d.subscriber_id join newsletter_issue i on i.id = d.issue_id
                where d.issue_id = ? and d.subscriber_id = ?""")
            .params(request.issueId(), request.subscriberId())
            .query((rs, row) -> new State(rs.getString(1), rs.getString(2), rs.getString(3),
                    rs.getTimestamp(4) != null && rs.getTimestamp(4).toInstant().isAfter(this.clock.instant())))
            .optional();
    }

    /** Settles, in one statement, the recipients of an issue whose emails the SMTP server accepted. */
    void markSent(UUID issueId, List<UUID> subscriberIds) {
        if (subscriberIds.isEmpty()) {
            return;
        }
        this.jdbc.sql("""
                update delivery set status = 'SENT', sent_at = :now, claimed_until = null, last_error = null
                where issue_id = :issue and subscriber_id in (:subscribers) and status = 'QUEUED'""")
            .param("now", Timestamp.from(this.clock.instant())).param("issue", issueId)
            .param("subscribers", subscriberIds)
            .update();
    }

    void markFailed(DeliveryRequest request, String error) {
        settle(request, "FAILED", error);
    }

    void markSkipped(DeliveryRequest request, String reason) {
        settle(request, "SKIPPED", reason);
    }

    /** Gives claims back after a transient failure, so the next attempt can claim them at once. */
    void release(UUID issueId, List<UUID> subscriberIds, String error) {
        if (subscriberIds.isEmpty()) {
            return;
        }
        this.jdbc.sql("""
                update delivery set claimed_until = null, last_error = :error
                where issue_id = :issue and subscriber_id in (:subscribers)""")
            .param("error", error).param("issue", issueId).param("subscribers", subscriberIds)
            .update();
    }

    /** Leaves a recipient of a paused issue to be fanned out again on resume. */
    void leaveForResume(DeliveryRequest request) {
        this.jdbc.sql("update delivery set fanned_out_at = null where issue_id = ? and subscriber_id = ? "
                + "and status = 'QUEUED'")
            .params(request.issueId(), request.subscriberId()).update();
    }

    /**
     * Ends the issue once no recipient is left queued: {@code SENT}, or {@code SENT_WITH_FAILURES} when any was
     * refused. Returns whether this call ended it.
     */
    @Transactional
    public boolean completeIfDone(UUID issueId) {
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
            Progress progress = progress(issueId);
            this.events.completed(issueId, issue.title(), issue.status(), issue.publishedAt(), progress.total(),
                    progress.sent(), progress.failed(), progress.skipped());
        });
        return completed.isPresent();
    }

    private record Completed(String title, String status, Instant publishedAt) {
    }

    private void settle(DeliveryRequest request, String status, String error) {
        this.jdbc.sql("update delivery set status = ?, sent_at = ?, claimed_until = null, last_error = ? "
                + "where issue_id = ? and subscriber_id = ? and status = 'QUEUED'")
            .params(status, "SENT".equals(status) ? Timestamp.from(this.clock.instant()) : null, error,
                    request.issueId(), request.subscriberId())
            .update();
    }

    /** A recipient claimed for sending, with what the email needs. */
    record Claimed(DeliveryRequest request, String email, String name, String messageId) {
    }

    /** What an issue says. */
    record Content(String title, String markdown) {
    }

    /** The statuses of a recipient's row, subscriber and issue, and whether another instance holds its claim. */
    record State(String delivery, String subscriber, String issue, boolean claimedElsewhere) {
    }

    /**
     * @param total recipients the issue was queued for
     * @param sent accepted by the SMTP server
     * @param failed refused for good
     * @param skipped unsubscribed before their turn
     * @param cancelled not reached because the issue was cancelled
     * @param remaining still to be sent
     * @param perSecond emails sent per second over the last minute
     */
    public record Progress(int total, int sent, int failed, int skipped, int cancelled, int remaining,
            double perSecond) {

        /** How much of the issue is accounted for (sent, failed, skipped or cancelled), in whole percent. */
        public int percentDone() {
            return (this.total == 0) ? 0 : (int) Math.floor(100.0 * (this.total - this.remaining) / this.total);
        }

    }

}
