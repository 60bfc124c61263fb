package dev.stillpoint.outbox;

import java.sql.Timestamp;

import dev.stillpoint.support.TraceParents;
import dev.stillpoint.support.work.WorkSignals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes events into the database inside the caller's transaction; {@link OutboxRelay} publishes them. A change and
 * its event are committed together or not at all.
 */
public class Outbox {

    private static final Logger logger = LoggerFactory.getLogger(Outbox.class);

    private final JdbcClient jdbc;

    private final JsonMapper json;

    private final TraceParents traceParents;

    private final WorkSignals signals;

    Outbox(JdbcClient jdbc, JsonMapper json, TraceParents traceParents, WorkSignals signals) {
        this.jdbc = jdbc;
        this.json = json;
        this.traceParents = traceParents;
        this.signals = signals;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(OutboxMessage message) {
        this.jdbc.sql("insert into outbox_event (event_id, topic, record_key, event_type, source, payload, occurred_at, "
                + "trace_parent) values (?, ?, ?, ?, ?, ?::json, ?, ?)")
            .params(message.eventId(), message.topic(), message.key(), message.type(), message.source(),
                    this.json.writeValueAsString(message.payload()), Timestamp.from(message.occurredAt()),
                    this.traceParents.current())
            .update();
        // the relay publishes it as soon as this transaction commits, here or in another instance
        this.signals.signal(OutboxAutoConfiguration.RELAY);
        try (MDC.MDCCloseable eventId = MDC.putCloseable("eventId", message.eventId().toString())) {
            logger.info("Recorded {} for {} in the outbox", message.type(), message.key());
        }
    }

}
