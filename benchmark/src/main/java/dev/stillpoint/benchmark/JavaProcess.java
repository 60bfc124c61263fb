package dev.stillpoint.benchmark;

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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A JVM the benchmark started: a service or the infrastructure, with its log, memory and readiness. */
final class JavaProcess implements AutoCloseable {

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;

    private final Process process;

    private final Path log;

    private final long startedNanos;

    private JavaProcess(String name, Process process, Path log, long startedNanos) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.startedNanos = startedNanos;
    }

    static JavaProcess start(String name, Path jar, String jvmOptions, List<String> args, Map<String, String> environment,
            Path logs) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(jvmOptions.trim().split("\\s+")));
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        try {
            Path log = Files.createDirectories(logs).resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            long started = System.nanoTime();
            return new JavaProcess(name, builder.start(), log, started);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Waits until {@code GET readiness} answers 200; returns the time from launch. */
    Duration awaitReady(String readinessUrl) {
        return awaitUntil(() -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(readinessUrl)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            }
            catch (IOException ex) {
                return false;
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        });
    }

    /** Waits until the log holds {@code line}; returns the time from launch. */
    Duration awaitLogLine(String line) {
        return awaitUntil(() -> {
            try {
                return Files.readString(this.log).contains(line);
            }
            catch (IOException ex) {
                return false;
            }
        });
    }

    private Duration awaitUntil(BooleanSupplier ready) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!ready.getAsBoolean()) {
            if (!this.process.isAlive()) {
                throw new IllegalStateException(this.name + " exited with " + this.process.exitValue() + "; see " + this.log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(this.name + " was not ready after 3 minutes; see " + this.log);
            }
            Pause.briefly(Duration.ofMillis(50));
        }
        return Duration.ofNanos(System.nanoTime() - this.startedNanos);
    }

    /** Resident set size now, in MB (Linux). */
    double rssMegabytes() {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(this.process.pid()), "status")).stream()
                .filter((line) -> line.startsWith("VmRSS:"))
                .mapToLong((line) -> Long.parseLong(line.replaceAll("\\D", "")))
                .findFirst().orElseThrow() / 1024.0;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The heap its live objects take, in MB: {@code jcmd GC.class_histogram} runs a full collection first. */
    double liveHeapMegabytes() {
        List<String> lines = Commands.run(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(this.process.pid()), "GC.class_histogram"), Duration.ofMinutes(1));
        String total = lines.stream().filter((line) -> line.startsWith("Total")).reduce((first, second) -> second)
            .orElseThrow(() -> new IllegalStateException("No histogram total from jcmd: " + lines));
        String[] columns = total.trim().split("\\s+");
        return Long.parseLong(columns[2]) / (1024.0 * 1024.0);
    }

    /** SIGKILL: the process ends at once, with no shutdown of any kind. */
    void kill() {
        this.process.destroyForcibly();
        try {
            this.process.waitFor(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    long pid() {
        return this.process.pid();
    }

    Path log() {
        return this.log;
    }

    @Override
    public String toString() {
        return this.name;
    }

    @Override
    public void close() {
        this.process.destroy();
        try {
            if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
                this.process.destroyForcibly().waitFor();
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

}
