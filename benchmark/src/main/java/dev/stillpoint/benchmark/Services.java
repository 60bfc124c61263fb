package dev.stillpoint.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three packaged services, each in its own JVM, configured only through environment variables: on the
 * benchmark's Kafka, PostgreSQL and SMTP sink, with the practice open around the clock (so that thousands of
 * bookings find a free hour), the newsletter's throttle lifted and the driver's loopback address not rate-limited.
 */
final class Services implements AutoCloseable {

    static final String STAFF_PASSWORD = "benchmark-staff";

    /** newsletter-service's SMTP connections (and so the emails it has in flight at most). */
    static final int NEWSLETTER_SENDERS = 8;

    private final Settings settings;

    private final Infrastructure infrastructure;

    private final Path logs;

    private final Map<String, Integer> ports = new HashMap<>();

    private final Map<String, JavaProcess> running = new LinkedHashMap<>();

    /** How often each instance was started: a restart logs to a file of its own. */
    private final Map<String, Integer> launches = new HashMap<>();

    private final ClassDataArchives archives;

    /** Settings of one service instance on top of the shared ones. */
    private final Map<String, Map<String, String>> overrides = new HashMap<>();

    Services(Settings settings, Infrastructure infrastructure, Path logs) {
        this.settings = settings;
        this.infrastructure = infrastructure;
        this.logs = logs;
        this.archives = new ClassDataArchives(settings.output().resolve("cds"));
    }

    /**
     * Prepares the services' class-data archives as {@code run-local.sh} does once per build (from then on they start
     * with them); returns how long that took.
     */
    double prepareArchives(List<String> names) {
        Map<String, Path> jars = new LinkedHashMap<>();
        names.forEach((name) -> jars.put(name, Infrastructure.jar(this.settings.root(), name)));
        return this.archives.prepare(jars, this.settings.serviceJvm(), environment(), this.logs);
    }

    /**
     * Starts the given services side by side; returns each one's time from launch to ready. A second instance of a
     * service is named {@code <service>#2}; an instance started again keeps its port (and so its name on its claims).
     */
    Map<String, Duration> start(List<String> names) {
        for (String name : names) {
            String module = name.contains("#") ? name.substring(0, name.indexOf('#')) : name;
            int port = this.ports.computeIfAbsent(name, (ignored) -> Infrastructure.freePort());
            Map<String, String> environment = environment();
            environment.put("SERVER_PORT", String.valueOf(port));
            environment.putAll(this.overrides.getOrDefault(name, Map.of()));
            ClassDataArchives.Launch archive = this.archives.launch(module);
            int launch = this.launches.merge(name, 1, Integer::sum);
            String log = name.replace('#', '-') + ((launch > 1) ? "-" + launch : "");
            this.running.put(name, (archive != null)
                    ? JavaProcess.start(log, archive.jar(), this.settings.serviceJvm() + " " + archive.jvmOptions(),
                            List.of(), environment, this.logs)
                    : JavaProcess.start(log, Infrastructure.jar(this.settings.root(), module), this.settings.serviceJvm(),
                            List.of(), environment, this.logs));
        }
        Map<String, Duration> ready = new LinkedHashMap<>();
        for (String name : names) {
            ready.put(name, this.running.get(name).awaitReady(url(name, "/actuator/health/readiness")));
        }
        return ready;
    }

    void stop(String name) {
        this.running.remove(name).close();
    }

    /** SIGKILLs an instance: no shutdown, its claims and leases left as they were. */
    void kill(String name) {
        this.running.remove(name).kill();
    }

    /** Sets {@code variable} for the instance's next start. */
    void configure(String name, String variable, String value) {
        this.overrides.computeIfAbsent(name, (ignored) -> new HashMap<>()).put(variable, value);
    }

    JavaProcess process(String name) {
        return this.running.get(name);
    }

    String url(String name, String path) {
        return "http://127.0.0.1:" + this.ports.get(name) + path;
    }

    private Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("SPRING_DATASOURCE_URL", this.infrastructure.jdbcUrl());
        environment.put("SPRING_DATASOURCE_USERNAME", "postgres");
        environment.put("SPRING_DATASOURCE_PASSWORD", "postgres");
        environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", this.infrastructure.bootstrapServers());
        environment.put("SPRING_MAIL_HOST", "127.0.0.1");
        environment.put("SPRING_MAIL_PORT", String.valueOf(this.infrastructure.sink().port()));
        environment.put("STILLPOINT_STAFF_PASSWORD", STAFF_PASSWORD);
        environment.put("STILLPOINT_OPS_PASSWORD", "benchmark-ops");
        environment.put("STILLPOINT_BOOKING_MANAGE_LINK_SECRET", "benchmark-manage-link-key-of-32-bytes-or-more");
        environment.put("STILLPOINT_NEWSLETTER_TOKEN_SECRET", "benchmark-newsletter-key-of-32-bytes-or-more");
        environment.put("STILLPOINT_RATE_LIMIT_UNLIMITED_ADDRESSES", "127.0.0.1,::1");
        environment.put("STILLPOINT_PRACTICE_TIME_ZONE", "UTC");
        environment.put("STILLPOINT_BOOKING_OPENING_HOURS_DAYS",
                "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY");
        environment.put("STILLPOINT_BOOKING_OPENING_HOURS_OPENS", "00:00");
        environment.put("STILLPOINT_BOOKING_OPENING_HOURS_CLOSES", "23:59");
        environment.put("STILLPOINT_BOOKING_BOOKING_HORIZON", "3650d");
        environment.put("STILLPOINT_BOOKING_MAX_UPCOMING_PER_CLIENT", "1000");
        environment.put("STILLPOINT_NEWSLETTER_RATE_PER_SECOND", "1000000");
        environment.put("STILLPOINT_NEWSLETTER_RATE_PER_HOUR", "1000000000");
        environment.put("STILLPOINT_NEWSLETTER_SENDERS", String.valueOf(NEWSLETTER_SENDERS));
        // its limits lifted: as many emails in doubt as connections (a crash sends up to that many again; the fault
        // suite runs the default of one)
        environment.put("STILLPOINT_NEWSLETTER_MAX_IN_DOUBT", String.valueOf(NEWSLETTER_SENDERS));
        return environment;
    }

    @Override
    public void close() {
        List<String> names = List.copyOf(this.running.keySet());
        for (int i = names.size() - 1; i >= 0; i--) {
            stop(names.get(i));
        }
    }

}
