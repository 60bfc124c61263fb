package dev.stillpoint.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Faults injected into the running system, each scenario checked at the SMTP sink, in the databases and on the topics
 * ({@link FaultLoad}, {@link PoisonRecords}, {@link NewsletterFaults}): services SIGKILLed, the SMTP server, the broker
 * and the database away, a slow SMTP server, a mailbox full for ever, poison records. Kafka and PostgreSQL run each in
 * a JVM of its own, so that either can be stopped; every service runs packaged, in its own JVM, as in the benchmark.
 * README, "Reliability", has the latest figures; the reduced sizes run in the test suite, the full ones with
 * {@code ./mvnw verify -pl benchmark -Pfaults}.
 */
final class FaultSuite {

    private FaultSuite() {
    }

    /** The scenarios of every group, or of one ({@code bookings} or {@code newsletter}) to look at it again alone. */
    static Report run(FaultSizes sizes, Path root, Path output, String only) throws Exception {
        Settings settings = Settings.reduced(root, output);
        Path logs = output.resolve("logs");
        Report report = new Report();
        try (Infrastructure infrastructure = Infrastructure.startSeparately(settings, logs);
                Services services = new Services(settings, infrastructure, logs)) {
            // started from class-data archives, as run-local.sh starts them: a killed service is back sooner
            double archives = services.prepareArchives(List.of("booking-service", "notification-service",
                    "newsletter-service"));
            System.out.printf("  class-data archives prepared in %.1f s%n", archives);
            if (only == null || only.equals("bookings")) {
                bookings(sizes, services, infrastructure, report);
            }
            if (only == null || only.equals("newsletter")) {
                services.start(List.of("newsletter-service"));
                NewsletterFaults newsletter = new NewsletterFaults(services, infrastructure);
                report.add(newsletter.killedWhileSending(sizes.subscribers(), sizes.newsletterKills(),
                        sizes.newsletterRate()));
                report.add(newsletter.oneMailboxFullForEver(sizes.subscribers() / 10));
            }
        }
        report.write(output, "# Fault suite\n\n" + sizes.describe());
        return report;
    }

    private static void bookings(FaultSizes sizes, Services services, Infrastructure infrastructure, Report report)
            throws Exception {
        services.start(List.of("booking-service", "notification-service"));
        FaultLoad load = new FaultLoad(services, infrastructure, new Slots());
        int seconds = sizes.seconds();
        int rate = sizes.rate();
        // a warm-up, not counted: the first bookings pay for the JIT compiling the services' hot paths
        load.run("warm-up", rate, 5, List.of(), new FaultLoad.Expect(0, Double.NaN, false));

        List<FaultLoad.Fault> kills = new ArrayList<>();
        for (int i = 1; i <= sizes.kills(); i++) {
            kills.add(new FaultLoad.Fault(seconds * i / (sizes.kills() + 1.0), "SIGKILL notification-service, "
                    + "start it again", () -> restart(services, "notification-service")));
        }
        report.add(load.run("notification-service SIGKILLed " + sizes.kills() + " times during " + rate * seconds
                + " bookings (" + rate + "/s)", rate, seconds, kills, new FaultLoad.Expect(sizes.kills(), 60, false)));

        services.start(List.of("notification-service#2"));
        report.add(load.run("two notification-service instances, one SIGKILLed, " + rate * seconds + " bookings",
                rate, seconds, List.of(new FaultLoad.Fault(seconds / 2.0, "SIGKILL notification-service#2",
                        () -> services.kill("notification-service#2"))), new FaultLoad.Expect(1, 15, false)));

        int outage = sizes.outageSeconds();
        double from = seconds / 6.0;
        report.add(load.run("SMTP server down " + outage + " s during " + rate * seconds + " bookings", rate, seconds,
                List.of(new FaultLoad.Fault(from, "SMTP server stops", () -> infrastructure.sink().stop()),
                        new FaultLoad.Fault(from + outage, "SMTP server back",
                                () -> infrastructure.sink().restart(0))),
                new FaultLoad.Expect(0, Double.NaN, false)));

        report.add(load.run("Kafka broker down " + outage + " s during " + rate * seconds + " bookings, every "
                + "fourth cancelled at once", rate, seconds,
                List.of(new FaultLoad.Fault(from, "SIGKILL the broker", infrastructure::killKafka),
                        new FaultLoad.Fault(from + outage, "broker back", infrastructure::startKafka)),
                new FaultLoad.Expect(0, Double.NaN, false, 4)));

        report.add(load.run("PostgreSQL restarted during " + rate * seconds + " bookings", rate, seconds,
                List.of(new FaultLoad.Fault(seconds / 3.0, "PostgreSQL restarts", infrastructure::restartPostgres)),
                new FaultLoad.Expect(0, Double.NaN, true)));

        report.add(load.run("booking-service SIGKILLed during " + rate * seconds + " bookings", rate, seconds,
                List.of(new FaultLoad.Fault(seconds / 3.0, "SIGKILL booking-service, start it again",
                        () -> restart(services, "booking-service"))),
                new FaultLoad.Expect(0, Double.NaN, true)));

        report.add(new PoisonRecords(load, infrastructure).run(rate, seconds));

        services.start(List.of("notification-service#2"));
        infrastructure.sink().restart(1);
        int slowRate = Math.max(1, sizes.rate() / 5);
        report.add(load.run("slow SMTP server (1 s a message), two notification-service instances, "
                + slowRate * seconds + " bookings", slowRate, seconds, List.of(),
                new FaultLoad.Expect(0, Double.NaN, false)));
        infrastructure.sink().restart(0);
        services.stop("notification-service#2");
    }

    private static void restart(Services services, String name) {
        services.kill(name);
        services.start(List.of(name));
    }

}
