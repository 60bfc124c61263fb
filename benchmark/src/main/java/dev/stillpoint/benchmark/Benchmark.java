package dev.stillpoint.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The benchmark every performance change is judged by ({@code ./benchmark.sh}; README, "Performance"). It starts
 * Kafka and PostgreSQL, postfix's recording {@code smtp-sink} and the three packaged services, each in a JVM or process
 * of its own; measures the limits (SMTP with {@code smtp-source}, Kafka with its own performance tools) in the same
 * run; drives each scenario; checks that every booking and subscriber got exactly one email; and prints the figures
 * with their limits and targets, also written as results.md, results.csv and latency.png.
 */
public final class Benchmark {

    private static final List<String> SERVICES = List.of("booking-service", "notification-service", "newsletter-service");

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        // stopped early (Ctrl-C), it leaves no JVM, broker, database or sink behind
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.current().descendants()
            .forEach(ProcessHandle::destroy), "benchmark-stop"));
        Settings settings = Settings.from(args);
        Report report = run(settings);
        System.out.println();
        System.out.println("Written: " + settings.output().resolve("results.md") + ", results.csv, latency.png");
        List<Figure> wrong = report.missed().stream().filter((figure) -> figure.target().startsWith("=")).toList();
        if (!wrong.isEmpty()) {
            System.out.println("CORRECTNESS CHECKS FAILED: " + wrong);
            System.exit(1);
        }
    }

    static Report run(Settings settings) throws Exception {
        if (!SmtpSink.installed()) {
            throw new IllegalStateException("postfix's smtp-sink and smtp-source are needed (apt-get install postfix)");
        }
        Path logs = settings.output().resolve("logs");
        if (Files.isDirectory(logs)) {
            // each JVM appends to its log (a restarted service keeps its earlier lines): start this run's afresh
            try (Stream<Path> old = Files.list(logs)) {
                for (Path log : old.toList()) {
                    Files.delete(log);
                }
            }
        }
        Report report = new Report();
        try (Infrastructure infrastructure = Infrastructure.start(settings, logs)) {
            System.out.println("Limits, measured now:");
            double smtp = Limits.smtp(infrastructure.sink(), settings.smtpMessages());
            double kafka = Limits.kafka(infrastructure.bootstrapServers(), settings.kafkaRecords());
            double[] kafkaLatency = Limits.kafkaLatency(infrastructure.bootstrapServers(), 2_000);
            report.add(List.of(
                    Figure.of("limit", "smtp-source → recording sink, 8 sessions, 1 KB", smtp, "msg/s"),
                    Figure.of("limit", "Kafka ProducerPerformance, 512 B, acks=all", kafka, "records/s"),
                    Figure.of("limit", "Kafka EndToEndLatency p50, acks=all", kafkaLatency[0], "ms"),
                    Figure.of("limit", "Kafka EndToEndLatency p99, acks=all", kafkaLatency[1], "ms")));
            try (Services services = new Services(settings, infrastructure, logs)) {
                System.out.println("Start-up:");
                report.add(startup(services, infrastructure));
                Slots slots = new Slots();
                if (settings.scenarios().contains("bookings")) {
                    TransactionalLoad bookings = new TransactionalLoad(services, infrastructure.sink(), slots);
                    System.out.println("Warming up (not counted)...");
                    bookings.run("warm-up", settings.slowRate(), settings.warmUp());
                    for (int rate : List.of(settings.slowRate(), settings.fastRate())) {
                        infrastructure.sink().clear();
                        System.out.println("Bookings at " + rate + "/s:");
                        TransactionalLoad.Result result = bookings.run("rate" + rate, rate, settings.seconds());
                        report.add(judged(result.figures(), rate == settings.slowRate(), kafkaLatency, smtp));
                        report.addLatencies(rate + " bookings/s", result.series());
                    }
                }
                if (settings.scenarios().contains("newsletter")) {
                    infrastructure.sink().clear();
                    System.out.println("Newsletter:");
                    report.add(new NewsletterLoad(services, infrastructure).run(settings.subscribers(), smtp));
                }
                if (settings.scenarios().contains("backlog")) {
                    infrastructure.sink().clear();
                    System.out.println("Backlog:");
                    report.add(new BacklogLoad(services, infrastructure, slots).run(settings.backlog(), smtp));
                }
            }
        }
        report.write(settings.output(), heading(settings));
        return report;
    }

    private static List<Figure> startup(Services services, Infrastructure infrastructure) {
        double archives = services.prepareArchives(SERVICES);
        long launched = System.nanoTime();
        Map<String, Duration> ready = services.start(SERVICES);
        double all = (System.nanoTime() - launched) / 1e9;
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.of("start-up", "class-data archives prepared, side by side (once per build; not counted)",
                archives, "s"));
        figures.add(Figure.of("start-up", "Kafka + PostgreSQL (one JVM) launch → ready",
                infrastructure.startup().toMillis() / 1000.0, "s"));
        ready.forEach((name, time) -> figures.add(Figure.of("start-up", name + " launch → ready", time.toMillis() / 1000.0, "s")));
        figures.add(Figure.of("start-up", "everything ready (infrastructure, then the services side by side)",
                infrastructure.startup().toMillis() / 1000.0 + all, "s").target(20, false));
        Pause.briefly(Duration.ofSeconds(5));
        for (String name : SERVICES) {
            figures.add(Figure.of("start-up", name + " RSS idle (5 s after ready)", services.process(name).rssMegabytes(),
                    "MB").target(300, false));
        }
        return figures;
    }

    /** The transactional figures with the targets, and latencies beside Kafka's own end-to-end latency. */
    private static List<Figure> judged(List<Figure> figures, boolean slow, double[] kafkaLatency, double smtp) {
        return figures.stream().map((figure) -> switch (figure.measure()) {
            case "latency p50" -> {
                Figure against = figure.against("Kafka end-to-end p50", kafkaLatency[0]);
                yield slow ? against.target(100, false) : against;
            }
            case "latency p99" -> figure.against("Kafka end-to-end p99", kafkaLatency[1]).target(slow ? 500 : 2000, false);
            case "confirmations per second (first booking → last email)" -> figure.against("smtp-source → sink", smtp);
            default -> figure;
        }).toList();
    }

    private static String heading(Settings settings) {
        Runtime runtime = Runtime.getRuntime();
        return "Benchmark run of " + ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME) + " on "
                + runtime.availableProcessors() + " cores, JDK " + System.getProperty("java.version")
                + "; services with `" + settings.serviceJvm() + "`, started from class-data archives; sizes: "
                + settings.slowRate() + " and " + settings.fastRate() + " bookings/s for " + settings.seconds()
                + " s (after " + settings.warmUp() + " s of warm-up), " + settings.subscribers()
                + " subscribers, a backlog of " + settings.backlog() + " events.";
    }

}
