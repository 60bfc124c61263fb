package dev.stillpoint.embedded;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import static org.awaitility.Awaitility.await;

/** What a consumer group has done with a topic, as a test that must not leave work behind asks it. */
public final class ConsumerGroups {

    private ConsumerGroups() {
    }

    /**
     * Waits until {@code group} has committed every record on {@code topic}: everything a test published there has
     * been consumed (a listener commits after handling a batch), so none of it is handled during the next test.
     */
    public static void awaitCaughtUp(String bootstrapServers, String group, String topic, Duration timeout) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            await(group + " has consumed every record on " + topic).atMost(timeout)
                .until(() -> lag(admin, group, topic) == 0);
        }
    }

    private static long lag(Admin admin, String group, String topic) throws InterruptedException, ExecutionException {
        int partitions = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int partition = 0; partition < partitions; partition++) {
            latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
        }
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
            .partitionsToOffsetAndMetadata().get();
        long lag = 0;
        for (var end : admin.listOffsets(latest).all().get().entrySet()) {
            OffsetAndMetadata offset = committed.get(end.getKey());
            lag += end.getValue().offset() - ((offset != null) ? offset.offset() : 0);
        }
        return lag;
    }

}
