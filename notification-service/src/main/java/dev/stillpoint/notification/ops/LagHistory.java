package dev.stillpoint.notification.ops;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Measures every consumer group's lag at a fixed interval: the latest figures feed
 * {@code stillpoint_kafka_consumer_lag{group,topic,partition}} for Prometheus, and an hour of totals per group feeds
 * the console's chart. Kept in memory: after a restart the chart starts again.
 */
@Component
class LagHistory implements SmartLifecycle, MeterBinder {

    private static final Logger logger = LoggerFactory.getLogger(LagHistory.class);

    private final KafkaInspector inspector;

    private final OpsConsoleProperties properties;

    private final Clock clock;

    private final Deque<Sample> samples = new ArrayDeque<>();

    private volatile MultiGauge gauge;

    private ScheduledExecutorService executor;

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

    private void sampleSafely() {
        try {
            sample();
        }
        catch (RuntimeException ex) {
            logger.warn("Could not measure consumer lag: {}", ex.getMessage());
        }
    }

    @Override
    public void start() {
        this.executor = Executors.newSingleThreadScheduledExecutor((runnable) -> new Thread(runnable, "lag-sampler"));
        long interval = this.properties.lagSampleInterval().toMillis();
        this.executor.scheduleWithFixedDelay(this::sampleSafely, 0, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        this.executor.shutdownNow();
        this.executor = null;
    }

    @Override
    public boolean isRunning() {
        return this.executor != null;
    }

    /** Total lag of each group at one moment. */
    record Sample(Instant at, Map<String, Long> lagByGroup) {
    }

}
