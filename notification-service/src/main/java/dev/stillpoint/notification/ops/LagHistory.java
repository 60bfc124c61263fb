package dev.stillpoint.notification.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
 * Measures every consumer group's lag at a fixed interval: the latest figures feed
 * {@code stillpoint_kafka_consumer_lag{group,topic,partition}} for Prometheus, and an hour of totals per group feeds
 * the console's chart. Kept in memory: after a restart the chart starts again.
 */
@Component
class LagHistory implements Work, MeterBinder {

    private final KafkaInspector inspector;

    private final OpsConsoleProperties properties;

    private final Clock clock;

    private final Deque<Sample> samples = new ArrayDeque<>();

    private volatile MultiGauge gauge;

    LagHistory(KafkaInspector inspector, OpsConsoleProperties properties, Clock clock) {
        this.inspector = inspector;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.gauge = MultiGauge.builder("stillpoint.kafka.consumer.lag")
            .description("Records on a partition not yet processed by a consumer group")
            .register(registry);
    }

    void sample() {
        List<GroupLag> groups = this.inspector.groups();
        Map<String, Long> totals = new TreeMap<>();
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (GroupLag group : groups) {
            totals.put(group.group(), group.totalLag());
            for (GroupLag.PartitionLag partition : group.partitions()) {
                rows.add(MultiGauge.Row.of(Tags.of("group", group.group(), "topic", partition.topic(), "partition",
                        String.valueOf(partition.partition())), partition.lag()));
            }
        }
        if (this.gauge != null) {
            this.gauge.register(rows, true);
        }
        Instant now = this.clock.instant();
        synchronized (this.samples) {
            this.samples.addLast(new Sample(now, totals));
            while (!this.samples.isEmpty()
                    && this.samples.peekFirst().at().isBefore(now.minus(this.properties.history()))) {
                this.samples.removeFirst();
            }
        }
    }

    /** The samples of the last hour, oldest first. */
    List<Sample> samples() {
        synchronized (this.samples) {
            return List.copyOf(this.samples);
        }
    }

    /** Samples, and comes back after the sample interval (the poller's own interval: nothing wakes it early). */
    @Override
    public Duration run() {
        sample();
        return this.properties.lagSampleInterval();
    }

    @Configuration(proxyBeanMethods = false)
    static class Sampling {

        @Bean
        Poller lagSampler(WorkSignals signals, LagHistory history, OpsConsoleProperties properties) {
            return signals.poller("lag-sampler", properties.lagSampleInterval(), history);
        }

    }

    /** Total lag of each group at one moment. */
    record Sample(Instant at, Map<String, Long> lagByGroup) {
    }

}
