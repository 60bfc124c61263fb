package dev.stillpoint.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real Kafka broker (KRaft, combined broker and controller) in this JVM, on a port of the caller's choosing and
 * with its log in a folder of the caller's choosing, so that it can be started late, stopped and started again
 * with its data. spring-kafka-test's {@code EmbeddedKafkaKraftBroker} always picks a random port.
 */
public final class KraftBroker implements AutoCloseable {

    private final KafkaRaftServer server;

    private final int port;

    private KraftBroker(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts a broker listening on {@code 127.0.0.1:port}, formatting {@code dataDirectory} first if it holds no
     * Kafka log yet.
     */
    public static KraftBroker start(int port, Path dataDirectory, int defaultPartitions) {
        try {
            Path logs = Files.createDirectories(dataDirectory.resolve("logs"));
            Path config = dataDirectory.resolve("server.properties");
            Properties properties = properties(port, freePort(), logs, defaultPartitions);
            try (OutputStream out = Files.newOutputStream(config)) {
                properties.store(out, "written by " + KraftBroker.class.getName());
            }
            if (!Files.exists(logs.resolve("meta.properties"))) {
                format(config);
            }
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties), Time.SYSTEM);
            server.startup();
            return new KraftBroker(server, port);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + this.port;
    }

    @Override
    public void close() {
        this.server.shutdown();
        this.server.awaitShutdown();
    }

    /** A port nothing listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static Properties properties(int port, int controllerPort, Path logs, int defaultPartitions) {
        Properties properties = new Properties();
        properties.setProperty("process.roles", "broker,controller");
        properties.setProperty("node.id", "1");
        properties.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        properties.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        properties.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        properties.setProperty("controller.listener.names", "CONTROLLER");
        properties.setProperty("inter.broker.listener.name", "PLAINTEXT");
        properties.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.setProperty("log.dirs", logs.toString());
        properties.setProperty("num.partitions", String.valueOf(defaultPartitions));
        properties.setProperty("offsets.topic.replication.factor", "1");
        properties.setProperty("offsets.topic.num.partitions", "5");
        properties.setProperty("transaction.state.log.replication.factor", "1");
        properties.setProperty("transaction.state.log.min.isr", "1");
        properties.setProperty("share.coordinator.state.topic.replication.factor", "1");
        properties.setProperty("share.coordinator.state.topic.min.isr", "1");
        properties.setProperty("group.initial.rebalance.delay.ms", "0");
        return properties;
    }

    private static void format(Path config) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status = StorageTool.execute(new String[] { "format", "-t", Uuid.randomUuid().toString(), "-c",
                config.toString() }, new PrintStream(output, true, StandardCharsets.UTF_8));
        if (status != 0) {
            throw new IllegalStateException("Could not format Kafka storage: " + output.toString(StandardCharsets.UTF_8));
        }
    }

}
