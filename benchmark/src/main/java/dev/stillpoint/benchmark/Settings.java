package dev.stillpoint.benchmark;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The sizes of one benchmark run. Every value can be given as {@code --name=value} (or {@code -Dbenchmark.name=value}).
 *
 * @param root the repository, whose packaged jars are run
 * @param output where results.md, results.csv and latency.png are written
 * @param slowRate bookings per second of the first transactional scenario
 * @param fastRate bookings per second of the second
 * @param seconds how long each transactional scenario books
 * @param warmUp seconds of bookings at the slow rate before the first scenario, not counted: the JIT compiles the
 * services' hot paths in them, as it would have in a service that has been up a while
 * @param subscribers confirmed subscribers the newsletter goes to
 * @param backlog booking events waiting for notification-service when it starts cold
 * @param smtpMessages messages {@code smtp-source} sends for the SMTP limit
 * @param kafkaRecords records Kafka's producer performance tool sends for the Kafka limit
 * @param serviceJvm options of each service's JVM; by default those {@code run-local.sh} starts them with (C1 only:
 * on two cores shared by five JVMs, C2 compiling hot paths was most of the services' CPU two minutes into a run)
 * @param scenarios which scenarios run ({@code bookings,newsletter,backlog}, all by default); limits and start-up
 * always do
 */
record Settings(Path root, Path output, int slowRate, int fastRate, int seconds, int warmUp, int subscribers,
        int backlog,
        int smtpMessages, int kafkaRecords, String serviceJvm, Set<String> scenarios) {

    static final Set<String> ALL = Set.of("bookings", "newsletter", "backlog");

    /** The services' JVM options in {@code run-local.sh} ({@code STILLPOINT_JAVA_OPTS}'s default). */
    static final String RUN_LOCAL_JVM = "-Xms32m -Xmx256m -Xmn96m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    static Settings from(String[] args) {
        Map<String, String> given = new HashMap<>();
        System.getProperties().stringPropertyNames().stream().filter((name) -> name.startsWith("benchmark."))
            .forEach((name) -> given.put(name.substring("benchmark.".length()), System.getProperty(name)));
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Expected --name=value, got " + arg);
            }
            given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        Path root = Path.of(given.getOrDefault("root", ".")).toAbsolutePath().normalize();
        return new Settings(root, root.resolve(given.getOrDefault("output", "target/benchmark")),
                number(given, "slow-rate", 50), number(given, "fast-rate", 200), number(given, "seconds", 60),
                number(given, "warm-up", 30), number(given, "subscribers", 100_000), number(given, "backlog", 100_000),
                number(given, "smtp-messages", 50_000), number(given, "kafka-records", 500_000),
                given.getOrDefault("service-jvm", RUN_LOCAL_JVM),
                Set.of(given.getOrDefault("scenarios", String.join(",", ALL)).split(",")));
    }

    /** A run of seconds, for the test suite: every scenario and check, at a size that proves they still work. */
    static Settings reduced(Path root, Path output) {
        return new Settings(root, output, 10, 20, 3, 2, 300, 300, 2_000, 20_000, RUN_LOCAL_JVM, ALL);
    }

    private static int number(Map<String, String> given, String name, int fallback) {
        return Integer.parseInt(given.getOrDefault(name, String.valueOf(fallback)).replace("_", ""));
    }

}
