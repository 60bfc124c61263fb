package dev.stillpoint.notification.ops;

import java.util.List;

/**
 * A consumer group and how far behind it is.
 *
 * @param group the group id
 * @param state e.g. {@code STABLE}, {@code EMPTY} (no member running)
 * @param members how many consumers are in it now
 * @param partitions its committed offset and lag on each partition
 */
public record GroupLag(String group, String state, int members, List<PartitionLag> partitions) {

    public long totalLag() {
        return this.partitions.stream().mapToLong(PartitionLag::lag).sum();
    }

    public record PartitionLag(String topic, int partition, long committed, long end) {

        public long lag() {
            return Math.max(0, this.end - this.committed);
        }

    }

}
