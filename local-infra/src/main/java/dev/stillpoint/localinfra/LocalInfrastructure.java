package dev.stillpoint.localinfra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.stillpoint.embedded.KraftBroker;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Everything Stillpoint needs from the outside world, real and in one JVM, for a developer machine: a Kafka broker
 * (KRaft), PostgreSQL (data kept in {@code <data>/postgres}) and an SMTP server with a web inbox. Used by
 * {@code ./run-local.sh}; prints {@value #READY} once all are up.
 * <p>
 * Arguments: {@code --data DIR}, {@code --kafka-port N} and {@code --postgres-port N} (defaults 9092 and 5432), and
 * {@code --no-kafka}, {@code --no-postgres}, {@code --no-smtp} to leave out what is provided elsewhere.
 */
public final class LocalInfrastructure {

    static final String READY = "STILLPOINT INFRASTRUCTURE READY";

    static final int KAFKA_PORT = 9092;

    static final int POSTGRES_PORT = 5432;

    static final int SMTP_PORT = 1025;

    static final int INBOX_PORT = 8025;

    static final String DATABASE = "stillpoint";

    private LocalInfrastructure() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        Set<String> flags = Set.of(args);
        Path data = Path.of(argument(args, "--data", ".local")).toAbsolutePath();
        List<AutoCloseable> started = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(started), "local-infrastructure-stop"));
        List<String> summary = new ArrayList<>();
        if (!flags.contains("--no-postgres")) {
            int port = Integer.parseInt(argument(args, "--postgres-port", String.valueOf(POSTGRES_PORT)));
            EmbeddedPostgres postgres = startPostgres(data.resolve("postgres"), port);
            started.add(postgres);
            summary.add("PostgreSQL  jdbc:postgresql://localhost:" + port + "/" + DATABASE + " (data in " + data.resolve("postgres") + ")");
        }
        if (!flags.contains("--no-kafka")) {
            KraftBroker kafka = KraftBroker.start(Integer.parseInt(argument(args, "--kafka-port", String.valueOf(KAFKA_PORT))), data.resolve("kafka"), 3);
            started.add(kafka);
            summary.add("Kafka       " + kafka.bootstrapServers());
        }
        if (!flags.contains("--no-smtp")) {
            GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            started.add(smtp::stop);
            Inbox inbox = Inbox.start(smtp, INBOX_PORT);
            started.add(inbox);
            summary.add("SMTP        127.0.0.1:" + SMTP_PORT);
            summary.add("Inbox       http://localhost:" + INBOX_PORT + "  (JSON: http://localhost:" + INBOX_PORT + "/api/messages)");
        }
        summary.forEach((line) -> System.out.println("  " + line));
        System.out.println(READY);
        Thread.currentThread().join();
    }

    private static EmbeddedPostgres startPostgres(Path directory, int port) throws IOException, SQLException {
        Files.createDirectories(directory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
            .setDataDirectory(directory)
            .setCleanDataDirectory(false)
            .setPort(port)
            .start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("create database " + DATABASE);
            }
        }
        return postgres;
    }

    private static void stopAll(List<AutoCloseable> started) {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            }
            catch (Exception ex) {
                System.err.println("While stopping: " + ex);
            }
        }
    }

    private static String argument(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

}
