package dev.stillpoint.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.stillpoint.support.TraceParents;
import dev.stillpoint.support.work.Work;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes committed outbox events to Kafka, oldest first, as CloudEvents in binary mode. One instance at a time
 * publishes (a PostgreSQL advisory lock), and a round sends only the oldest waiting event of each key, so events of
 * one key reach Kafka in their order even when a send fails: a later event of a key goes only once the broker has
 * acknowledged the one before it, and never overtakes it however the producer retries.
 * While Kafka is down, events wait in the table and go out when it is back. It runs as soon as a transaction that
 * wrote an event commits ({@link Outbox} signals its poller), and at a slow safety poll.
 */
class OutboxRelay implements Work {

    /** While Kafka is away, or another instance holds the relay: look again after this long. */
    private static final Duration RETRY = Duration.ofSeconds(1);

    private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcClient jdbc;

    private final TransactionTemplate transactions;

    private final KafkaTemplate<String, String> kafka;

    private final KafkaAdmin admin;

    private final OutboxProperties properties;

    private final Clock clock;

    private final TraceParents traceParents;

    private volatile boolean topicsCreated;

    OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaTemplate<String, String> kafka, KafkaAdmin admin,
            OutboxProperties properties, Clock clock, TraceParents traceParents) {
        this.traceParents = traceParents;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.admin = admin;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Publishes the oldest waiting event of each key in one batch of pending events; returns how many the broker
     * acknowledged, and whether later events of those keys were left for the next round.
     */
    Round publishPending() {
        Round round = this.transactions.execute((status) -> {
            // one lock per outbox table: services sharing a database (in their own schemas) relay side by side
            if (!this.jdbc.sql("select pg_try_advisory_xact_lock(hashtext(current_schema() || '.outbox_event'))")
                .query(Boolean.class).single()) {
                return Round.NOTHING;
            }
            List<PendingEvent> pending = this.jdbc.sql("select position, event_id, topic, record_key, event_type, source, "
                    + "payload::text as payload, occurred_at, trace_parent from outbox_event where published_at is null "
                    + "order by position limit ?")
                .param(this.properties.batchSize())
                .query((rs, row) -> new PendingEvent(rs.getLong("position"), rs.getObject("event_id", UUID.class),
                        rs.getString("topic"), rs.getString("record_key"), rs.getString("event_type"),
                        rs.getString("source"), rs.getString("payload"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("trace_parent")))
                .list();
            if (pending.isEmpty()) {
                return Round.NOTHING;
            }
            Set<String> keys = new HashSet<>();
            List<PendingEvent> batch = pending.stream().filter((event) -> keys.add(event.topic() + '/' + event.key()))
                .toList();
            ensureTopics();
            if (!brokerReachable(batch)) {
                return Round.NOTHING;
            }
            List<Long> acknowledged = send(batch);
            if (!acknowledged.isEmpty()) {
                this.jdbc.sql("update outbox_event set published_at = :now where position in (:positions)")
                    .param("now", Timestamp.from(this.clock.instant()))
                    .param("positions", acknowledged)
                    .update();
            }
            return new Round(acknowledged.size(), pending.size() == this.properties.batchSize(),
                    batch.size() < pending.size());
        });
        return (round != null) ? round : Round.NOTHING;
    }

    private List<Long> send(List<PendingEvent> batch) {
        List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>();
        for (PendingEvent event : batch) {
            try {
                // in the trace of the request that wrote it: the record carries that trace on to its consumers
                sends.add(this.traceParents.within(event.traceParent(), "outbox relay",
                        () -> this.kafka.send(event.toRecord())));
            }
            catch (RuntimeException ex) {
                sends.add(CompletableFuture.failedFuture(ex));
            }
        }
        List<Long> acknowledged = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            try {
                sends.get(i).get(this.properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                acknowledged.add(batch.get(i).position());
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            }
            catch (Exception ex) {
                this.topicsCreated = false;
                logger.warn("Event {} not published yet, will retry: {}", batch.get(i).eventId(), ex.getMessage());
            }
        }
        return acknowledged;
    }

    /**
     * Asks the broker for the batch's topics once, waiting at most {@code max.block.ms}: while it is away, every send
     * would wait that long in turn, holding this transaction open.
     */
    private boolean brokerReachable(List<PendingEvent> batch) {
        try {
            batch.stream().map(PendingEvent::topic).distinct().forEach(this.kafka::partitionsFor);
            return true;
        }
        catch (RuntimeException ex) {
            this.topicsCreated = false;
            logger.warn("Kafka unavailable; {} or more event(s) wait in the outbox: {}", batch.size(), ex.getMessage());
            return false;
        }
    }

    private void ensureTopics() {
        if (!this.topicsCreated) {
            this.topicsCreated = this.admin.initialize();
        }
    }

    /**
     * Publishes one batch: at once again if it was full or left later events of its keys for the next round, after
     * {@link #RETRY} if some of it is still waiting (Kafka away, or another instance relaying), otherwise when the
     * next event is committed.
     */
    @Override
    public Duration run() {
        Round round = publishPending();
        if (round.published() > 0 && (round.full() || round.laterEventsWait())) {
            return AGAIN;
        }
        boolean waiting = this.jdbc.sql("select exists (select 1 from outbox_event where published_at is null)")
            .query(Boolean.class).single();
        return waiting ? RETRY : WHEN_WOKEN;
    }

    /**
     * What one round did: how many events the broker acknowledged; whether the batch read was full; whether later
     * events of its keys wait for the next round.
     */
    record Round(int published, boolean full, boolean laterEventsWait) {

        static final Round NOTHING = new Round(0, false, false);

    }

}
