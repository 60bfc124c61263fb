package dev.stillpoint.notification.ops;

import java.time.Duration;
import java.util.List;

import dev.stillpoint.events.DeadLetterTopics;

/**
 * A topic as the ops console shows it.
 *
 * @param name the topic
 * @param partitions each partition's leader, replicas and offsets
 * @param retention how long records are kept, or {@code null} for ever
 */
public record TopicSummary(String name, List<Partition> partitions, Duration retention) {

    /** Records on the topic now (end minus start offsets, across partitions). */
    public long records() {
        return this.partitions.stream().mapToLong((p) -> p.end() - p.start()).sum();
    }

    public long endOffsets() {
        return this.partitions.stream().mapToLong(Partition::end).sum();
    }

    public boolean isDeadLetterTopic() {
        return DeadLetterTopics.isDeadLetterTopic(this.name);
    }

    /** Retention as people say it: "7 days", "12 hours", "for ever". */
    public String retentionText() {
        if (this.retention == null) {
            return "for ever";
        }
        if (this.retention.toHours() >= 48 && this.retention.toHours() % 24 == 0) {
            return this.retention.toDays() + " days";
        }
        return (this.retention.toMinutes() >= 120) ? this.retention.toHours() + " hours"
                : this.retention.toMinutes() + " minutes";
    }

    public record Partition(int partition, int leader, int replicas, long start, long end) {
    }

}
