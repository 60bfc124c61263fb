package dev.stillpoint.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.stillpoint.embedded.KraftBroker;
import dev.stillpoint.embedded.TestPostgres;

import org.springframework.util.FileSystemUtils;

/**
 * What every system test starts, once: a real Kafka broker, a database of its own, GreenMail for SMTP (and IMAP when a
 * mailbox is read), and the packaged services, each in its own JVM, configured only through the standard Spring
 * environment variables. Closing it stops them all.
 */
final class PackagedServices implements AutoCloseable {

    private final Path kafkaData;

    private final KraftBroker kafka;

    private final GreenMail smtp;

    private final String database;

    private final List<ServiceProcess> services = new ArrayList<>();

    private final Map<String, String> environment = new LinkedHashMap<>();

    private PackagedServices(String database, boolean imap) {
        this.database = database;
        try {
            this.kafkaData = Files.createTempDirectory("system-test-kafka");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        this.kafka = KraftBroker.start(KraftBroker.freePort(), this.kafkaData, 3);
        ServerSetup smtpSetup = new ServerSetup(KraftBroker.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        this.smtp = imap ? new GreenMail(new ServerSetup[] { smtpSetup,
                new ServerSetup(KraftBroker.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP) }) : new GreenMail(smtpSetup);
        this.smtp.start();
        this.environment.putAll(Map.of(
                "SPRING_DATASOURCE_URL", TestPostgres.jdbcUrl(database),
                "SPRING_DATASOURCE_USERNAME", TestPostgres.username(),
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", this.kafka.bootstrapServers(),
                "SPRING_MAIL_HOST", "127.0.0.1",
                "SPRING_MAIL_PORT", String.valueOf(this.smtp.getSmtp().getPort()),
                // the tests' own requests, from loopback, are not rate-limited (README, "Test it")
                "STILLPOINT_RATE_LIMIT_UNLIMITED_ADDRESSES", "127.0.0.1,::1"));
    }

    /** Starts the broker and the mail server (SMTP, and IMAP if {@code imap}) for services that use {@code database}. */
    static PackagedServices start(String database, boolean imap) {
        return new PackagedServices(database, imap);
    }

    /** Adds {@code environment} to that of every service launched from now on. */
    PackagedServices with(Map<String, String> environment) {
        this.environment.putAll(environment);
        return this;
    }

    /** Starts a packaged service on {@code port} with the shared environment and {@code extra}; see {@link #awaitReady}. */
    ServiceProcess launch(String name, int port, Map<String, String> extra) {
        Map<String, String> environment = new LinkedHashMap<>(this.environment);
        environment.putAll(extra);
        ServiceProcess service = ServiceProcess.start(name, port, environment);
        this.services.add(service);
        return service;
    }

    ServiceProcess launch(String name, int port) {
        return launch(name, port, Map.of());
    }

    ServiceProcess launch(String name) {
        return launch(name, KraftBroker.freePort());
    }

    /** Waits until every service launched (and still running) is ready. */
    void awaitReady() {
        this.services.forEach(ServiceProcess::awaitReady);
    }

    GreenMail smtp() {
        return this.smtp;
    }

    GreenMailUser mailbox(String address, String login, String password) {
        return this.smtp.setUser(address, login, password);
    }

    NotificationLedger ledger() {
        return new NotificationLedger(this.database, this.smtp);
    }

    @Override
    public void close() throws Exception {
        for (ServiceProcess service : this.services) {
            service.close();
        }
        this.smtp.stop();
        this.kafka.close();
        FileSystemUtils.deleteRecursively(this.kafkaData);
    }

}
