package dev.stillpoint.notification.ops;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit log of the ops console: every action, who took it and when. */
@Repository
class OpsAudit {

    private final JdbcClient jdbc;

    private final Clock clock;

    OpsAudit(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records what was done to a dead letter, with its body as it was and, if it was corrected, as it was sent; throws
     * {@link org.springframework.dao.DuplicateKeyException} if it was handled already.
     */
    void deadLetterHandled(KafkaRecordView record, String action, String actor, String detail, String bodyAfter) {
        this.jdbc.sql("""
                insert into ops_audit (at, actor, action, subject, detail, dlt_topic, dlt_partition, dlt_offset,
                    body_before, body_after)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(now(), actor, action, record.id(), detail, record.topic(), record.partition(), record.offset(),
                    record.text(), bodyAfter)
            .update();
    }

    void record(String action, String actor, String subject, String detail) {
        this.jdbc.sql("insert into ops_audit (at, actor, action, subject, detail) values (?, ?, ?, ?, ?)")
            .params(now(), actor, action, subject, detail)
            .update();
    }

    /** The ids ({@code topic/partition/offset}) of the dead letters already replayed or discarded. */
    Set<String> handledDeadLetters() {
        return this.jdbc.sql("select subject from ops_audit where dlt_topic is not null").query(String.class).list()
            .stream().collect(Collectors.toSet());
    }

    List<Entry> latest(int limit) {
        return this.jdbc.sql("select at, actor, action, subject, detail, body_before, body_after from ops_audit "
                + "order by at desc, id desc limit ?")
            .param(limit)
            .query((rs, row) -> new Entry(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                    rs.getString("action"), rs.getString("subject"), rs.getString("detail"),
                    rs.getString("body_before"), rs.getString("body_after")))
            .list();
    }

    private Timestamp now() {
        return Timestamp.from(this.clock.instant());
    }

    /**
     * @param bodyBefore a dead letter's body as it was on the dead-letter topic
     * @param bodyAfter the body replayed in its place, if it was corrected
     */
    public record Entry(Instant at, String actor, String action, String subject, String detail, String bodyBefore,
            String bodyAfter) {
    }

}
