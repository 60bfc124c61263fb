package dev.stillpoint.notification.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.stillpoint.support.work.Poller;
import dev.stillpoint.support.work.Work;
import dev.stillpoint.support.work.WorkSignals;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Counts, at the lag-sample interval, the dead letters nobody has replayed or discarded yet, per dead-letter topic:
 * {@code stillpoint_kafka_dead_letters_waiting{topic}}, which an alert watches until it is back to 0 (see
 * {@code docs/operations/prometheus-alerts.yml}). Dead-letter topics keep their records for ever, so a dead letter
 * waits here until a person has handled it on the console.
 */
@Component
class DeadLettersWaiting implements Work, MeterBinder {

    private final KafkaInspector inspector;

    private final OpsAudit audit;

    private final OpsConsoleProperties properties;

    private volatile MultiGauge gauge;

    DeadLettersWaiting(KafkaInspector inspector, OpsAudit audit, OpsConsoleProperties properties) {
        this.inspector = inspector;
        this.audit = audit;
        this.properties = properties;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.gauge = MultiGauge.builder("stillpoint.kafka.dead.letters.waiting")
            .description("Records on a dead-letter topic not yet replayed or discarded on the ops console")
            .register(registry);
    }

    void count() {
        Set<String> handled = this.audit.handledDeadLetters();
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (TopicSummary topic : this.inspector.topics()) {
            if (topic.isDeadLetterTopic()) {
                long waiting = 0;
                for (TopicSummary.Partition partition : topic.partitions()) {
                    for (long offset = partition.start(); offset < partition.end(); offset++) {
                        waiting += handled.contains(topic.name() + "/" + partition.partition() + "/" + offset) ? 0 : 1;
                    }
                }
                rows.add(MultiGauge.Row.of(Tags.of("topic", topic.name()), waiting));
            }
        }
        if (this.gauge != null) {
            this.gauge.register(rows, true);
        }
    }

    @Override
    public Duration run() {
        count();
        return this.properties.lagSampleInterval();
    }

    @Configuration(proxyBeanMethods = false)
    static class Counting {

        @Bean
        Poller deadLetterCounter(WorkSignals signals, DeadLettersWaiting waiting, OpsConsoleProperties properties) {
            return signals.poller("dead-letter-counter", properties.lagSampleInterval(), waiting);
        }

    }

}
