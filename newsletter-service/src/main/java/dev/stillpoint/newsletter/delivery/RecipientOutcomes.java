package dev.stillpoint.newsletter.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.stillpoint.support.work.WorkSignals;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger's record of what came of each recipient claimed or looked at: sent (one statement for a chunk), refused
 * for good, refused for now (due again later), given back after the server was away, skipped, or left for a resume.
 * A claim settles only the recipients it still holds: one that lapsed and was taken over, or was cancelled meanwhile,
 * is left as the other party wrote it.
 */
@Repository
class RecipientOutcomes {

    private final JdbcClient jdbc;

    private final Clock clock;

    private final WorkSignals signals;

    RecipientOutcomes(JdbcClient jdbc, Clock clock, WorkSignals signals) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.signals = signals;
    }

    /**
     * Settles, in one statement, the recipients of an issue whose emails the SMTP server accepted under this claim.
     * One whose claim lapsed and was taken over, or that was cancelled meanwhile, is left as the other party wrote it.
     */
    void markSent(UUID claim, UUID issueId, List<UUID> subscriberIds) {
        if (subscriberIds.isEmpty()) {
            return;
        }
        this.jdbc.sql("""
                update delivery set status = 'SENT', sent_at = :now, claimed_until = null, claim = null, last_error = null
                where issue_id = :issue and subscriber_id in (:subscribers) and status = 'QUEUED' and claim = :claim""")
            .param("now", Timestamp.from(this.clock.instant())).param("issue", issueId)
            .param("subscribers", subscriberIds).param("claim", claim)
            .update();
    }

    /**
     * Gives a recipient refused for the moment back, to be fanned out again once {@code delay} has passed, if this
     * claim still holds it; the fan-out is told, to wake for it.
     */
    void retryLater(UUID claim, DeliveryRequest request, Duration delay, String error) {
        this.jdbc.sql("update delivery set claimed_until = null, claim = null, last_error = ?, next_attempt_at = ?, "
                + "fanned_out_at = null where issue_id = ? and subscriber_id = ? and status = 'QUEUED' and claim = ?")
            .params(error, Timestamp.from(this.clock.instant().plus(delay)), request.issueId(), request.subscriberId(),
                    claim)
            .update();
        this.signals.signal(FanOutRelay.NAME);
    }

    /** Settles a recipient refused for good, if this claim still holds it. */
    void markFailed(UUID claim, DeliveryRequest request, String error) {
        this.jdbc.sql("update delivery set status = 'FAILED', claimed_until = null, claim = null, last_error = ? "
                + "where issue_id = ? and subscriber_id = ? and status = 'QUEUED' and claim = ?")
            .params(error, request.issueId(), request.subscriberId(), claim)
            .update();
    }

    void markSkipped(DeliveryRequest request, String reason) {
        settle(request, "SKIPPED", reason);
    }

    /**
     * Gives claims back after a transient failure, so the next attempt can claim them at once; only those this claim
     * still holds, so that a lapsed claim never frees a recipient another instance is sending to.
     */
    void release(UUID claim, UUID issueId, List<UUID> subscriberIds, String error) {
        if (subscriberIds.isEmpty()) {
            return;
        }
        this.jdbc.sql("""
                update delivery set claimed_until = null, claim = null, last_error = :error
                where issue_id = :issue and subscriber_id in (:subscribers) and claim = :claim""")
            .param("error", error).param("issue", issueId).param("subscribers", subscriberIds).param("claim", claim)
            .update();
    }

    /** Leaves a recipient of a paused issue to be fanned out again on resume. */
    void leaveForResume(DeliveryRequest request) {
        this.jdbc.sql("update delivery set fanned_out_at = null where issue_id = ? and subscriber_id = ? "
                + "and status = 'QUEUED'")
            .params(request.issueId(), request.subscriberId()).update();
    }

    /** Settles one recipient that was not claimed, as skipped, unless someone's claim on it is running. */
    private void settle(DeliveryRequest request, String status, String error) {
        this.jdbc.sql("update delivery set status = ?, claimed_until = null, claim = null, last_error = ? "
                + "where issue_id = ? and subscriber_id = ? and status = 'QUEUED' "
                + "and (claimed_until is null or claimed_until < ?)")
            .params(status, error, request.issueId(), request.subscriberId(), Timestamp.from(this.clock.instant()))
            .update();
    }

}
