package dev.stillpoint.notification.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * What a Kafka operator looks at first, through the Admin API: every topic with its partitions, offsets and
 * retention, and every consumer group with its committed offsets and lag per partition.
 */
@Component
class KafkaInspector implements DisposableBean {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final KafkaAdmin kafkaAdmin;

    private volatile Admin admin;

    KafkaInspector(KafkaAdmin kafkaAdmin) {
        this.kafkaAdmin = kafkaAdmin;
    }

    /** The names of every topic but Kafka's own: one metadata request. */
    Set<String> topicNames() {
        return get(admin().listTopics().names());
    }

    /** Every topic but Kafka's own, by name. */
    List<TopicSummary> topics() {
        Admin admin = admin();
        Set<String> names = topicNames();
        Map<String, TopicDescription> descriptions = get(admin.describeTopics(names).allTopicNames());
        Map<ConfigResource, Config> configs = get(admin.describeConfigs(names.stream()
            .map((name) -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList()).all());
        List<TopicPartition> partitions = descriptions.values().stream()
            .flatMap((topic) -> topic.partitions().stream().map((p) -> new TopicPartition(topic.name(), p.partition())))
            .toList();
        Map<TopicPartition, Long> starts = offsets(partitions, OffsetSpec.earliest());
        Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
        return descriptions.values().stream()
            .map((topic) -> new TopicSummary(topic.name(), topic.partitions().stream()
                .map((p) -> {
                    TopicPartition tp = new TopicPartition(topic.name(), p.partition());
                    return new TopicSummary.Partition(p.partition(), (p.leader() != null) ? p.leader().id() : -1,
                            p.replicas().size(), starts.getOrDefault(tp, 0L), ends.getOrDefault(tp, 0L));
                })
                .toList(), retention(configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name())))))
            .sorted(Comparator.comparing(TopicSummary::name))
            .toList();
    }

    /** Every consumer group, with its lag on each partition it has committed offsets for. */
    List<GroupLag> groups() {
        Admin admin = admin();
        List<String> ids = get(admin.listGroups(ListGroupsOptions.forConsumerGroups()).all()).stream()
            .map(GroupListing::groupId).sorted().toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, ConsumerGroupDescription> descriptions = get(admin.describeConsumerGroups(ids).all());
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
        for (String id : ids) {
            committed.put(id, get(admin.listConsumerGroupOffsets(id).partitionsToOffsetAndMetadata()));
        }
        Set<TopicPartition> partitions = committed.values().stream().flatMap((offsets) -> offsets.keySet().stream())
            .collect(Collectors.toSet());
        Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
        List<GroupLag> groups = new ArrayList<>();
        for (String id : ids) {
            ConsumerGroupDescription description = descriptions.get(id);
            List<GroupLag.PartitionLag> lags = committed.get(id).entrySet().stream()
                .filter((entry) -> entry.getValue() != null)
                .map((entry) -> new GroupLag.PartitionLag(entry.getKey().topic(), entry.getKey().partition(),
                        entry.getValue().offset(), ends.getOrDefault(entry.getKey(), entry.getValue().offset())))
                .sorted(Comparator.comparing(GroupLag.PartitionLag::topic).thenComparing(GroupLag.PartitionLag::partition))
                .toList();
            groups.add(new GroupLag(id, String.valueOf(description.groupState()), description.members().size(), lags));
        }
        return groups;
    }

    private Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, OffsetSpec spec) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, ListOffsetsResultInfo> offsets = get(admin()
            .listOffsets(partitions.stream().collect(Collectors.toMap((tp) -> tp, (tp) -> spec))).all());
        return offsets.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, (e) -> e.getValue().offset()));
    }

    private static Duration retention(Config config) {
        String value = (config != null && config.get(TopicConfig.RETENTION_MS_CONFIG) != null)
                ? config.get(TopicConfig.RETENTION_MS_CONFIG).value() : null;
        long millis = (value != null) ? Long.parseLong(value) : -1;
        return (millis < 0) ? null : Duration.ofMillis(millis);
    }

    /** The connection settings of the service's Kafka admin: bootstrap servers and security alike. */
    Map<String, Object> connection() {
        return this.kafkaAdmin.getConfigurationProperties();
    }

    private Admin admin() {
        Admin current = this.admin;
        if (current == null) {
            synchronized (this) {
                if (this.admin == null) {
                    this.admin = AdminClient.create(connection());
                }
                current = this.admin;
            }
        }
        return current;
    }

    static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException(ex);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new KafkaUnavailableException(ex);
        }
    }

    @Override
    public void destroy() {
        if (this.admin != null) {
            this.admin.close(Duration.ofSeconds(2));
        }
    }

}
