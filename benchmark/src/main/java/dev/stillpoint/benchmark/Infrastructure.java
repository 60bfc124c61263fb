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
 * directory), or each in a JVM of its own so that one can be killed or restarted ({@link #startSeparately}); and the
 * recording SMTP sink as a process of its own.
 */
final class Infrastructure implements AutoCloseable {

    static final String DATABASE = "stillpoint";

    private static final String READY = "STILLPOINT INFRASTRUCTURE READY";

    private final Settings settings;

    private final Path logs;

    /** Kafka and PostgreSQL together; or PostgreSQL alone when they run apart. */
    private JavaProcess process;

    /** Kafka when it runs apart, else null. */
    private JavaProcess kafka;

    /** How many processes were launched: each start logs to a file of its own. */
    private int launches;

    private final SmtpSink sink;

    private final int kafkaPort;

    private final int postgresPort;

    private final Duration startup;

    /** Kafka's log and PostgreSQL's files: 2 GB after a full run, deleted when the infrastructure stops. */
    private final Path data;

    private Infrastructure(Settings settings, Path logs, JavaProcess process, Path data, SmtpSink sink, int kafkaPort,
            int postgresPort, Duration startup) {
        this.settings = settings;
        this.logs = logs;
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
            Duration startup = process.awaitLogLine(READY);
            return new Infrastructure(settings, logs, process, data, SmtpSink.start(freePort()), kafkaPort, postgresPort,
                    startup);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Kafka and PostgreSQL each in a JVM of its own, so that either can be killed and started again. */
    static Infrastructure startSeparately(Settings settings, Path logs) {
        try {
            Infrastructure infrastructure = new Infrastructure(settings, logs, null,
                    Files.createTempDirectory("stillpoint-faults-data-"), SmtpSink.start(freePort()), freePort(),
                    freePort(), Duration.ZERO);
            infrastructure.startPostgres();
            infrastructure.startKafka();
            return infrastructure;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private JavaProcess launch(String name, List<String> args) {
        this.launches++;
        List<String> all = new java.util.ArrayList<>(List.of("--data", this.data.toString(), "--no-smtp"));
        all.addAll(args);
        JavaProcess started = JavaProcess.start(name + "-" + this.launches, jar(this.settings.root(), "local-infra"), "-Xmx384m -XX:+UseSerialGC",
                all, Map.of(), this.logs);
        started.awaitLogLine(READY);
        return started;
    }

    /** Starts the broker (again), on the same port and log directory. */
    void startKafka() {
        this.kafka = launch("kafka", List.of("--no-postgres", "--kafka-port", String.valueOf(this.kafkaPort)));
    }

    /** SIGKILLs the broker: it is gone at once, as a crashed or unplugged one is. */
    void killKafka() {
        this.kafka.kill();
    }

    /** Stops PostgreSQL as a restart does (its JVM's shutdown stops the server), and starts it on the same files. */
    void restartPostgres() {
        this.process.close();
        startPostgres();
    }

    private void startPostgres() {
        this.process = launch("postgres", List.of("--no-kafka", "--postgres-port", String.valueOf(this.postgresPort)));
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
        if (this.kafka != null) {
            this.kafka.close();
        }
        this.process.close();
        try {
            Directories.delete(this.data);
        }
        catch (IOException ex) {
            System.err.println("Could not delete " + this.data + ": " + ex);
        }
    }

}
