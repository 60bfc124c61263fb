package dev.stillpoint.notification.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What an instance's claims on the notification rows ({@link DeliveryQueue#claimDue}) do while it sends: renew them,
 * give them back when it starts again, and settle each email's outcome. Every write holds only while the claim that
 * made it still holds the row: an instance whose lease lapsed (and whose email another took over) changes nothing.
 */
@Repository
class ClaimLedger {

    private final JdbcClient jdbc;

    private final Clock clock;

    ClaimLedger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Extends the claims still held on these emails to {@code lease} from now; returns how many were extended (a
     * claim that lapsed and was taken over, or whose email was cancelled, is not).
     */
    int renew(Map<UUID, UUID> claims, Duration lease) {
        if (claims.isEmpty()) {
            return 0;
        }
        return this.jdbc.sql("""
                update notification set claimed_until = :until where (id, claim) in (:held)""")
            .param("until", Timestamp.from(this.clock.instant().plus(lease)))
            .param("held", claims.entrySet().stream().map((held) -> new Object[] { held.getKey(), held.getValue() })
                .toList())
            .update();
    }

    /**
     * Gives back the claims an earlier run of this instance held when it stopped, so that its emails go at once
     * rather than when their leases end; returns how many.
     */
    int releaseClaimsOf(String claimant) {
        return this.jdbc.sql("update notification set claimed_until = null, claim = null "
                + "where claimed_by = ? and status = 'PENDING' and claim is not null")
            .param(claimant).update();
    }

    /**
     * Records an email as sent, if this claim still holds it; returns false if not. An email cancelled while it was
     * being sent stays cancelled, and says that it went out all the same.
     */
    boolean markSent(UUID id, UUID claim) {
        Timestamp now = Timestamp.from(this.clock.instant());
        boolean settled = this.jdbc.sql("update notification set status = 'SENT', sent_at = ?, claimed_until = null, "
                + "claim = null, last_error = null, reason = null where id = ? and claim = ?")
            .params(now, id, claim).update() == 1;
        if (!settled) {
            this.jdbc.sql("update notification set sent_at = ?, reason = reason || ', but it was being sent already "
                    + "and went out' where id = ? and status = 'CANCELLED' and sent_at is null")
                .params(now, id).update();
        }
        return settled;
    }

    /** Gives an email back to be tried again after {@code delay}, if this claim still holds it. */
    boolean retryLater(UUID id, UUID claim, Duration delay, String error) {
        return this.jdbc.sql("update notification set next_attempt_at = ?, claimed_until = null, claim = null, "
                + "last_error = ? where id = ? and claim = ?")
            .params(Timestamp.from(this.clock.instant().plus(delay)), error, id, claim).update() == 1;
    }

    /** Records an email as failed for good, if this claim still holds it. */
    boolean markFailed(UUID id, UUID claim, String error) {
        return this.jdbc.sql("update notification set status = 'FAILED', claimed_until = null, claim = null, "
                + "last_error = ? where id = ? and claim = ?")
            .params(error, id, claim).update() == 1;
    }

}
