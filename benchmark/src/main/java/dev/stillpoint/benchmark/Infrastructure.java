package dev.stillpoint.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Kafka (KRaft) and PostgreSQL in one JVM of their own ({@code local-infra}, on free ports and a fresh data
 * directory), and the recording SMTP sink as a process of its own.
 */
final class Infrastructure implements AutoCloseable {

    static final String DATABASE = "stillpoint";

    private final JavaProcess process;

    private final SmtpSink sink;

    private final int kafkaPort;

    private final int postgresPort;

    private final Duration startup;

    /** Kafka's log and PostgreSQL's files: 2 GB after a full run, deleted when the infrastructure stops. */
    private final Path data;

    private Infrastructure(JavaProcess process, Path data, SmtpSink sink, int kafkaPort, int postgresPort,
            Duration startup) {
        this.process = process;
        this.data = data;
        this.sink = sink;
        this.kafkaPort = kafkaPort;
        this.postgresPort = postgresPort;
        this.startup = startup;
    }

    static Infrastructure start(Settings settings, Path logs) {
        int kafkaPort = freePort();
        int postgresPort = freePort();
        try {
            Path data = Files.createTempDirectory("stillpoint-benchmark-data-");
            JavaProcess process = JavaProcess.start("infrastructure", jar(settings.root(), "local-infra"),
                    "-Xmx512m -XX:+UseSerialGC", List.of("--data", data.toString(), "--no-smtp", "--kafka-port",
                            String.valueOf(kafkaPort), "--postgres-port", String.valueOf(postgresPort)),
                    Map.of(), logs);
            Duration startup = process.awaitLogLine("STILLPOINT INFRASTRUCTURE READY");
            return new Infrastructure(process, data, SmtpSink.start(freePort()), kafkaPort, postgresPort, startup);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static Path jar(Path root, String module) {
        try (var files = Files.list(root.resolve(module).resolve("target"))) {
            return files.filter((file) -> file.getFileName().toString().matches(module + "-.*-exec\\.jar")).findFirst()
                .orElseThrow(() -> new IllegalStateException("No " + module + " jar: build first (./benchmark.sh does)"));
        }
        catch (IOException ex) {
            throw new IllegalStateException("No " + module + "/target: build first (./benchmark.sh does)", ex);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    String bootstrapServers() {
        return "127.0.0.1:" + this.kafkaPort;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + this.postgresPort + "/" + DATABASE;
    }

    Connection database() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
    }

    SmtpSink sink() {
        return this.sink;
    }

    Duration startup() {
        return this.startup;
    }

    JavaProcess process() {
        return this.process;
    }

    @Override
    public void close() {
        this.sink.close();
        this.process.close();
        try {
            Directories.delete(this.data);
        }
        catch (IOException ex) {
            System.err.println("Could not delete " + this.data + ": " + ex);
        }
    }

}
