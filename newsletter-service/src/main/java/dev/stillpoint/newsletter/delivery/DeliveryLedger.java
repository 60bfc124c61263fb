package dev.stillpoint.newsletter.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.stillpoint.newsletter.system.NewsletterProperties;
import dev.stillpoint.support.work.WorkSignals;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * One row per issue and recipient; the row, not the Kafka offset, remembers that an email went. This is the side that
 * publishing, pausing and cancelling use; {@link RecipientClaims} is the senders'.
 */
@Repository
public class DeliveryLedger {

    private final JdbcClient jdbc;

    private final Clock clock;

    private final String messageIdDomain;

    private final WorkSignals signals;

    DeliveryLedger(JdbcClient jdbc, Clock clock, NewsletterProperties properties, WorkSignals signals) {
        this.jdbc = jdbc;
        this.signals = signals;
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
        // a bulk load, as PostgreSQL's manual has it: the planner is told at once how many rows the issue now has, so
        // that the senders' claims use the primary key. With statistics from before the load, claims picked another
        // plan until autovacuum's next analyze, and a newsletter that followed a busy minute went out at half speed
        // (1,180 vs 2,279 emails/s in the benchmark; PostgreSQL's backends at 20% of a core each, on the claims)
        this.jdbc.sql("analyze delivery").update();
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
                    count(*) filter (where status = 'QUEUED'), count(*) filter (where sent_at > ?),
                    count(*) filter (where bounce in ('HARD', 'SOFT')), count(*) filter (where bounce = 'COMPLAINT')
                from delivery where issue_id = ?""")
            .params(Timestamp.from(minuteAgo), issueId)
            .query((rs, row) -> new Progress(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                    rs.getInt(6), rs.getInt(7) / 60.0, rs.getInt(8), rs.getInt(9)))
            .single();
    }

    /**
     * @param total recipients the issue was queued for
     * @param sent accepted by the SMTP server
     * @param failed refused for good
     * @param skipped unsubscribed before their turn
     * @param cancelled not reached because the issue was cancelled
     * @param remaining still to be sent
     * @param perSecond emails sent per second over the last minute
     * @param bounced recipients whose email came back (hard or soft bounce)
     * @param complained recipients who reported it as spam
     */
    public record Progress(int total, int sent, int failed, int skipped, int cancelled, int remaining,
            double perSecond, int bounced, int complained) {

        /** How much of the issue is accounted for (sent, failed, skipped or cancelled), in whole percent. */
        public int percentDone() {
            return (this.total == 0) ? 0 : (int) Math.floor(100.0 * (this.total - this.remaining) / this.total);
        }

    }

}
