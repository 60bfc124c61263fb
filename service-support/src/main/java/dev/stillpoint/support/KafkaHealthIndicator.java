package dev.stillpoint.support;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * UP while the Kafka cluster answers a describe-cluster request within the timeout, with its id and broker count;
 * DOWN otherwise. Part of readiness: a service that cannot reach Kafka neither consumes nor publishes.
 */
class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private final KafkaAdmin admin;

    private final Duration timeout;

    private volatile AdminClient client;

    KafkaHealthIndicator(KafkaAdmin admin, Duration timeout) {
        super("Kafka health check failed");
        this.admin = admin;
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        DescribeClusterResult cluster = client().describeCluster(
                new DescribeClusterOptions().timeoutMs((int) this.timeout.toMillis()));
        String clusterId = cluster.clusterId().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
        Collection<Node> nodes = cluster.nodes().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
        builder.up().withDetail("clusterId", clusterId).withDetail("brokers", nodes.size());
    }

    private AdminClient client() {
        AdminClient current = this.client;
        if (current == null) {
            synchronized (this) {
                if (this.client == null) {
                    this.client = AdminClient.create(this.admin.getConfigurationProperties());
                }
                current = this.client;
            }
        }
        return current;
    }

    @Override
    public void destroy() {
        if (this.client != null) {
            this.client.close(Duration.ofSeconds(2));
        }
    }

}
