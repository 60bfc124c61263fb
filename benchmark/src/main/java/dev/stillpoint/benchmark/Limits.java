package dev.stillpoint.benchmark;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The physical limits, measured in the same run as the figures compared with them. */
final class Limits {

    private static final Pattern RECORDS_PER_SECOND = Pattern.compile("records sent, ([0-9.]+) records/sec");

    private static final Pattern PERCENTILES = Pattern.compile("Percentiles: 50th = ([0-9.]+), 99th = ([0-9.]+)");

    private Limits() {
    }

    /**
     * postfix's {@code smtp-source} into the sink the services send to: 8 sessions, each reusing its connection,
     * 1 KB messages. Returns messages per second, as counted by the sink's own recording.
     */
    static double smtp(SmtpSink sink, int messages) {
        sink.clear();
        Mailbox mailbox = sink.mailbox();
        long started = System.nanoTime();
        Commands.run(List.of(Commands.path("smtp-source"), "-s", "8", "-d", "-l", "1024", "-m", String.valueOf(messages), "-f",
                "limit@bench.test", "-t", "limit@sink.test", "127.0.0.1:" + sink.port()), Duration.ofMinutes(10));
        // smtp-source ends when the sink has accepted (and so written) its last message
        long elapsed = System.nanoTime() - started;
        List<Mailbox.Received> received = mailbox.awaitCount((message) -> true, messages, Duration.ofSeconds(10));
        if (received.size() != messages) {
            throw new IllegalStateException("smtp-source sent " + messages + ", the sink recorded " + received.size());
        }
        sink.clear();
        return messages / (elapsed / 1e9);
    }

    /**
     * Kafka's own {@code ProducerPerformance}, in a JVM of its own: 512-byte records, as fast as it can, acks=all,
     * to a topic of 3 partitions as the services' topics have. Returns records per second.
     */
    static double kafka(String bootstrapServers, int records) {
        List<String> lines = Commands.run(tool("org.apache.kafka.tools.ProducerPerformance", "--topic",
                "benchmark.producer-limit", "--num-records", String.valueOf(records), "--record-size", "512",
                "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrapServers, "acks=all",
                "linger.ms=5"), Duration.ofMinutes(10));
        for (int i = lines.size() - 1; i >= 0; i--) {
            Matcher matcher = RECORDS_PER_SECOND.matcher(lines.get(i));
            if (matcher.find() && lines.get(i).startsWith(records + " ")) {
                return Double.parseDouble(matcher.group(1));
            }
        }
        throw new IllegalStateException("No result from ProducerPerformance: " + String.join(File.separator, lines));
    }

    /**
     * Kafka's own {@code EndToEndLatency}: one record at a time, produced (acks=all) and consumed back. Returns the
     * p50 and p99 in milliseconds: the floor of one hop through the broker.
     */
    static double[] kafkaLatency(String bootstrapServers, int records) {
        List<String> lines = Commands.run(tool("org.apache.kafka.tools.EndToEndLatency", "--bootstrap-server",
                bootstrapServers, "--topic", "benchmark.latency-limit", "--num-records", String.valueOf(records),
                "--producer-acks", "all", "--record-size", "512"), Duration.ofMinutes(5));
        for (String line : lines) {
            Matcher matcher = PERCENTILES.matcher(line);
            if (matcher.find()) {
                return new double[] { Double.parseDouble(matcher.group(1)), Double.parseDouble(matcher.group(2)) };
            }
        }
        throw new IllegalStateException("No result from EndToEndLatency: " + lines);
    }

    private static List<String> tool(String mainClass, String... args) {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
            .toString(), "-Xmx512m", "-cp", classpath, mainClass));
        command.addAll(List.of(args));
        return command;
    }

}
