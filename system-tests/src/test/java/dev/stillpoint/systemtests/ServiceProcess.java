package dev.stillpoint.systemtests;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.stillpoint.embedded.Waits;

import static org.awaitility.Awaitility.await;

/** One packaged service running in its own JVM, configured only through environment variables. */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient http = HttpClient.newHttpClient();

    private final String name;

    private final Process process;

    private final int port;

    private final Path log;

    private ServiceProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static ServiceProcess start(String name, int port, Map<String, String> environment) {
        String jar = System.getProperty("stillpoint.jar." + name);
        if (jar == null || !new File(jar).isFile()) {
            throw new IllegalStateException("No runnable jar for " + name + " at " + jar + ": run ./mvnw verify");
        }
        try {
            Path log = Files.createDirectories(Path.of("target", "system-tests")).resolve(name + ".log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("SERVER_PORT", String.valueOf(port));
            return new ServiceProcess(name, builder.start(), port, log);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    void awaitReady() {
        await().atMost(Waits.PROCESS_START).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!this.process.isAlive()) {
                throw new IllegalStateException(this.name + " exited with " + this.process.exitValue() + "; see " + this.log);
            }
            try {
                return get("/actuator/health/readiness").statusCode() == 200;
            }
            catch (IOException ex) {
                return false;
            }
        });
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String json, String... headers) throws IOException, InterruptedException {
        return postText(path, json, "application/json", headers);
    }

    HttpResponse<String> postText(String path, String body, String contentType, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
            .POST((body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + this.port + path);
    }

    /** What the service has logged so far, one line each (JSON objects, Spring Boot's structured logging). */
    List<String> logLines() throws IOException {
        return Files.readAllLines(this.log);
    }

    @Override
    public String toString() {
        return this.name;
    }

    /** Kills the JVM the way a crash or the OOM killer would: no shutdown hooks, nothing flushed. */
    void kill() throws InterruptedException {
        this.process.destroyForcibly();
        this.process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        this.process.destroy();
        if (!this.process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            this.process.destroyForcibly();
        }
    }

}
