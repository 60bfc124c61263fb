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
     * Records what was done to a dead letter; throws
     * {@link org.springframework.dao.DuplicateKeyException} if it was handled already.
     */
    void deadLetterHandled(KafkaRecordView record, String action, String actor, String detail) {
        this.jdbc.sql("""
                insert into ops_audit (at, actor, action, subject, detail, dlt_topic, dlt_partition, dlt_offset)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(now(), actor, action, record.id(), detail, record.topic(), record.partition(), record.offset())
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
        return this.jdbc.sql("select at, actor, action, subject, detail from ops_audit order by at desc, id desc limit ?")
            .param(limit)
            .query((rs, row) -> new Entry(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                    rs.getString("action"), rs.getString("subject"), rs.getString("detail")))
            .list();
    }

    private Timestamp now() {
        return Timestamp.from(this.clock.instant());
    }

    public record Entry(Instant at, String actor, String action, String subject, String detail) {
    }

}
