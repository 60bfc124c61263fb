package dev.stillpoint.outbox;

import java.sql.Timestamp;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes events into the database inside the caller's transaction; {@link OutboxRelay} publishes them. A change and
 * its event are committed together or not at all.
 */
public class Outbox {

    private final JdbcClient jdbc;

    private final JsonMapper json;

    Outbox(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(OutboxMessage message) {
        this.jdbc.sql("insert into outbox_event (event_id, topic, record_key, event_type, source, payload, occurred_at) "
                + "values (?, ?, ?, ?, ?, ?::json, ?)")
            .params(message.eventId(), message.topic(), message.key(), message.type(), message.source(),
                    this.json.writeValueAsString(message.payload()), Timestamp.from(message.occurredAt()))
            .update();
    }

}
