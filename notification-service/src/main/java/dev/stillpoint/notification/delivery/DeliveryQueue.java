package dev.stillpoint.notification.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.stillpoint.support.work.WorkSignals;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notification table as a queue: emails are added ({@link NotificationInserts}) in the transaction of the event
 * that caused them (or released by the scheduler when a reminder is due), and claimed by one instance at a time
 * ({@code for update skip locked}) with a lease that expires if it dies; {@link ClaimLedger} renews and settles the
 * claims.
 */
@Repository
public class DeliveryQueue {

    private static final String EXPIRED = "its time had passed: the session had begun before it could be sent";

    private final JdbcClient jdbc;

    private final Clock clock;

    private final WorkSignals signals;

    DeliveryQueue(JdbcClient jdbc, Clock clock, WorkSignals signals) {
        this.signals = signals;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Wakes the dispatchers once the current transaction commits: a notification is due. */
    private void signalDue() {
        this.signals.signal(DeliveryPolling.DISPATCHER);
    }

    /**
     * Makes a scheduled notification due now, or skips it if it expired meanwhile; returns false if it was no longer
     * scheduled (cancelled, or released already).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean release(UUID id) {
        boolean released = this.jdbc.sql("""
                update notification set
                    status = case when expires_at <= :now then 'SKIPPED' else 'PENDING' end,
                    reason = case when expires_at <= :now then :expired end,
                    next_attempt_at = :now
                where id = :id and status = 'SCHEDULED'""")
            .param("now", Timestamp.from(this.clock.instant()))
            .param("expired", EXPIRED)
            .param("id", id)
            .update() == 1;
        if (released) {
            signalDue();
        }
        return released;
    }

    /**
     * Cancels a booking's notifications of the given kinds that are not sent yet (scheduled, or due and waiting);
     * returns the ids of those it cancelled.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<UUID> cancelUnsent(UUID bookingId, Collection<String> kinds, String reason) {
        return this.jdbc.sql("""
                update notification set status = 'CANCELLED', reason = :reason, claimed_until = null, claim = null
                where booking_id = :bookingId and kind in (:kinds) and status in ('SCHEDULED', 'PENDING')
                returning id""")
            .param("reason", reason)
            .param("bookingId", bookingId)
            .param("kinds", kinds)
            .query(UUID.class)
            .list();
    }

    /** Cancels one notification if it is not sent yet (scheduled, or due and waiting); returns whether it did. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean cancelUnsent(UUID id, String reason) {
        return this.jdbc.sql("update notification set status = 'CANCELLED', reason = ?, claimed_until = null, "
                + "claim = null where id = ? and status in ('SCHEDULED', 'PENDING')")
            .params(reason, id)
            .update() == 1;
    }

    /**
     * Claims up to {@code limit} due notifications for {@code lease} under a new claim token, counting the attempt. A
     * booking's emails go out in order: one is not claimed while an earlier one for the same booking is still pending
     * (being sent, or waiting to be retried), so a cancellation never overtakes its confirmation.
     */
    Claim claimDue(int limit, Duration lease, String claimant) {
        Instant now = this.clock.instant();
        this.jdbc.sql("update notification set status = 'SKIPPED', reason = ? where status = 'PENDING' "
                + "and expires_at <= ? and (claimed_until is null or claimed_until < ?)")
            .params(EXPIRED, Timestamp.from(now), Timestamp.from(now))
            .update();
        UUID token = UUID.randomUUID();
        List<PendingNotification> claimed = this.jdbc.sql("""
                update notification set claimed_until = :until, claim = :claim, claimed_by = :claimant,
                    attempts = attempts + 1
                where id in (select n.id from notification n
                    where n.status = 'PENDING' and n.next_attempt_at <= :now
                    and (n.claimed_until is null or n.claimed_until < :now)
                    and not exists (select 1 from notification earlier
                        where earlier.booking_id = n.booking_id and earlier.status = 'PENDING'
                        and (earlier.due_at, earlier.booking_version, earlier.seq) < (n.due_at, n.booking_version, n.seq))
                    order by n.next_attempt_at limit :limit for update of n skip locked)
                returning id, booking_id, kind, recipient, event_type, event::text as event, message_id, attempts,
                    trace_parent""")
            .param("until", Timestamp.from(now.plus(lease)))
            .param("claim", token)
            .param("claimant", claimant)
            .param("now", Timestamp.from(now))
            .param("limit", limit)
            .query((rs, row) -> new PendingNotification(rs.getObject("id", UUID.class),
                    rs.getObject("booking_id", UUID.class), rs.getString("kind"), rs.getString("recipient"),
                    rs.getString("event_type"), rs.getString("event"), rs.getString("message_id"), rs.getInt("attempts"),
                    rs.getString("trace_parent")))
            .list();
        return new Claim(token, claimed);
    }

    /** When the next pending notification may be attempted (its retry time, or its claim's end); null if none. */
    Instant nextAttempt() {
        return this.jdbc.sql("select min(greatest(next_attempt_at, coalesce(claimed_until, next_attempt_at))) "
                + "from notification where status = 'PENDING'")
            .query((rs, row) -> Optional.ofNullable(rs.getTimestamp(1)))
            .single().map(Timestamp::toInstant).orElse(null);
    }

    /** Due emails claimed together under one token. */
    record Claim(UUID token, List<PendingNotification> notifications) {
    }

}
