package dev.stillpoint.newsletter.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The senders' side of the ledger: recipients marked fanned out and claimed for sending (one statement for a chunk);
 * {@link RecipientOutcomes} settles them. A recipient is sent an issue only by claiming its row while the row is
 * queued, the issue is sending and the subscriber is still confirmed.
 */
@Repository
class RecipientClaims {

    private final JdbcClient jdbc;

    private final Clock clock;

    RecipientClaims(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Marks up to {@code limit} queued recipients of sending issues as fanned out, and returns them: first those never
     * fanned out, then those fanned out before {@code fanOutAgainAfter} ago (their record may have been lost). Two
     * statements, each served by an index of its own, rather than one whose {@code or} no index could serve.
     */
    List<DeliveryRequest> claimForFanOut(int limit, Duration fanOutAgainAfter) {
        Instant now = this.clock.instant();
        List<DeliveryRequest> claimed = new ArrayList<>(fanOut("d.fanned_out_at is null", now, now, limit));
        if (claimed.size() < limit) {
            claimed.addAll(fanOut("d.fanned_out_at < :again", now, now.minus(fanOutAgainAfter), limit - claimed.size()));
        }
        return claimed;
    }

    private List<DeliveryRequest> fanOut(String which, Instant now, Instant again, int limit) {
        return this.jdbc.sql("""
                update delivery set fanned_out_at = :now
                where (issue_id, subscriber_id) in (select d.issue_id, d.subscriber_id from delivery d
                    join newsletter_issue i on i.id = d.issue_id
                    where d.status = 'QUEUED' and i.status = 'SENDING' and %s
                    and (d.next_attempt_at is null or d.next_attempt_at <= :now)
                    limit :limit for update of d skip locked)
                returning issue_id, subscriber_id""".formatted(which))
            .param("now", Timestamp.from(now)).param("again", Timestamp.from(again))
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
        UUID claim = UUID.randomUUID();
        return this.jdbc.sql("""
                update delivery d set claimed_until = :until, claim = :claim, attempts = d.attempts + 1
                from subscriber s, newsletter_issue i
                where d.issue_id = :issue and d.subscriber_id in (:subscribers) and s.id = d.subscriber_id
                and i.id = d.issue_id and d.status = 'QUEUED' and i.status = 'SENDING' and s.status = 'CONFIRMED'
                and (d.claimed_until is null or d.claimed_until < :now)
                and (d.next_attempt_at is null or d.next_attempt_at <= :now)
                returning d.subscriber_id, s.email, s.name, d.message_id, d.attempts""")
            .param("until", Timestamp.from(now.plus(lease))).param("now", Timestamp.from(now))
            .param("claim", claim).param("issue", issueId).param("subscribers", subscriberIds)
            .query((rs, row) -> new Claimed(new DeliveryRequest(issueId, rs.getObject(1, UUID.class)), rs.getString(2),
                    rs.getString(3), rs.getString(4), rs.getInt(5), claim))
            .list();
    }

    /** Extends a claim still held on these recipients to {@code lease} from now; returns how many it still holds. */
    int renew(UUID claim, UUID issueId, List<UUID> subscriberIds, Duration lease) {
        return this.jdbc.sql("""
                update delivery set claimed_until = :until
                where issue_id = :issue and subscriber_id in (:subscribers) and claim = :claim and status = 'QUEUED'""")
            .param("until", Timestamp.from(this.clock.instant().plus(lease))).param("issue", issueId)
            .param("subscribers", subscriberIds).param("claim", claim)
            .update();
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
                select d.status, s.status, i.status, d.claimed_until, d.next_attempt_at from delivery d
                join subscriber s on s.id = d.subscriber_id join newsletter_issue i on i.id = d.issue_id
                where d.issue_id = ? and d.subscriber_id = ?""")
            .params(request.issueId(), request.subscriberId())
            .query((rs, row) -> new State(rs.getString(1), rs.getString(2), rs.getString(3),
                    rs.getTimestamp(4) != null && rs.getTimestamp(4).toInstant().isAfter(this.clock.instant()),
                    rs.getTimestamp(5) != null && rs.getTimestamp(5).toInstant().isAfter(this.clock.instant())))
            .optional();
    }

    /** How long until the next recipient given back for later is due again; null if none waits. */
    Duration untilNextRetry() {
        Instant now = this.clock.instant();
        return this.jdbc.sql("select min(next_attempt_at) from delivery where status = 'QUEUED' and fanned_out_at is null "
                + "and next_attempt_at > ?")
            .param(Timestamp.from(now))
            .query((rs, row) -> Optional.ofNullable(rs.getTimestamp(1)))
            .single().map((next) -> Duration.between(now, next.toInstant())).orElse(null);
    }

    /** Hands recipients whose record Kafka did not take back to the fan-out, to go again at once. */
    void fanOutAgain(UUID issueId, List<UUID> subscriberIds) {
        this.jdbc.sql("""
                update delivery set fanned_out_at = null
                where issue_id = :issue and subscriber_id in (:subscribers) and status = 'QUEUED'""")
            .param("issue", issueId).param("subscribers", subscriberIds)
            .update();
    }

    /**
     * A recipient claimed for sending, with what the email needs, how many times it has been tried (this one included)
     * and the token of the claim.
     */
    record Claimed(DeliveryRequest request, String email, String name, String messageId, int attempts, UUID claim) {
    }

    /** What an issue says. */
    record Content(String title, String markdown) {
    }

    /**
     * The statuses of a recipient's row, subscriber and issue; whether another instance holds its claim; and whether it
     * waits for a later attempt (refused for now: the fan-out sends it again when that is due).
     */
    record State(String delivery, String subscriber, String issue, boolean claimedElsewhere, boolean dueLater) {
    }

}
