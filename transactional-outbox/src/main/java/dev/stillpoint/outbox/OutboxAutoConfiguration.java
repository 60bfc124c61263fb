package dev.stillpoint.outbox;

import java.time.Clock;
import java.time.Duration;

import dev.stillpoint.support.OperationsAutoConfiguration;
import dev.stillpoint.support.TraceParents;
import dev.stillpoint.support.retention.RetentionRule;
import dev.stillpoint.support.work.Poller;
import dev.stillpoint.support.work.WorkAutoConfiguration;
import dev.stillpoint.support.work.WorkSignals;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox and its relay, for a service with a PostgreSQL database and Kafka. Each service's own migrations create
 * its {@code outbox_event} table (position identity, event_id, topic, record_key, event_type, source, payload json,
 * occurred_at, published_at, trace_parent), so services sharing a database keep apart in their schemas. It serves
 * booking-, notification- and newsletter-service.
 */
@AutoConfiguration(after = { OperationsAutoConfiguration.class, WorkAutoConfiguration.class })
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    static final String RELAY = "outbox-relay";

    @Bean
    Outbox outbox(JdbcClient jdbc, JsonMapper json, TraceParents traceParents, WorkSignals signals) {
        return new Outbox(jdbc, json, traceParents, signals);
    }

    @Bean
    OutboxRelay outboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaTemplate<String, String> kafka,
            KafkaAdmin admin, OutboxProperties properties, ObjectProvider<Clock> clock, TraceParents traceParents) {
        return new OutboxRelay(jdbc, transactions, kafka, admin, properties, clock.getIfAvailable(Clock::systemUTC),
                traceParents);
    }

    @Bean
    Poller outboxRelayPoller(WorkSignals signals, OutboxRelay relay, OutboxProperties properties) {
        return signals.poller(RELAY, properties.safetyPollInterval(), relay);
    }

    /** Published events are Kafka's to keep now; the outbox keeps them a week, for looking into a problem. */
    @Bean
    RetentionRule outboxRetention() {
        return new RetentionRule("outbox", Duration.ofDays(7), "delete from outbox_event where published_at < ?",
                "published outbox events");
    }

    /** {@code stillpoint_outbox_backlog}: events written but not yet acknowledged by Kafka. */
    @Bean
    MeterBinder outboxMetrics(JdbcClient jdbc) {
        return (registry) -> Gauge.builder("stillpoint.outbox.backlog",
                () -> jdbc.sql("select count(*) from outbox_event where published_at is null").query(Long.class).single())
            .description("Events in the outbox not yet published to Kafka")
            .register(registry);
    }

}
