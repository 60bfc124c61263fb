package dev.stillpoint.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Spring Boot's class-data sharing, prepared as {@code run-local.sh} prepares it: each service's jar extracted, then
 * run once until its context is up ({@code spring.context.exit=onRefresh}) to record the classes it loaded in an
 * archive, which later starts map instead of loading them again. Done once, before the start-up is measured.
 */
final class ClassDataArchives {

    /** How a service is launched: its JVM's extra options and the jar to run. */
    record Launch(String jvmOptions, Path jar) {
    }

    private final Map<String, Launch> launches = new HashMap<>();

    private final Path directory;

    ClassDataArchives(Path directory) {
        this.directory = directory;
    }

    /**
     * Prepares the archives of the given services side by side, with their JVM options and environment (the training
     * runs need the database and Kafka that the services use); returns how long that took.
     */
    double prepare(Map<String, Path> jars, String jvmOptions, Map<String, String> environment, Path logs) {
        long started = System.nanoTime();
        deleteTree(this.directory);
        Map<String, Process> training = new LinkedHashMap<>();
        jars.forEach((name, jar) -> {
            Path extracted = this.directory.resolve(name);
            run(List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                    extracted.toString()), Map.of(), logs.resolve(name + "-cds.log"));
            Path archive = extracted.resolve("app.jsa");
            Path extractedJar = extracted.resolve(jar.getFileName());
            List<String> command = new ArrayList<>(List.of(java()));
            command.addAll(List.of(jvmOptions.trim().split("\\s+")));
            // it stops before starting anything (listeners, pollers), db-scheduler included, which would claim work
            command.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh",
                    "-Ddb-scheduler.delay-startup-until-context-ready=true", "-jar", extractedJar.toString()));
            Map<String, String> trainingEnvironment = new HashMap<>(environment);
            trainingEnvironment.put("SERVER_PORT", "0");
            training.put(name, start(command, trainingEnvironment, logs.resolve(name + "-cds.log")));
            this.launches.put(name, new Launch("-XX:SharedArchiveFile=" + archive, extractedJar));
        });
        training.forEach((name, process) -> {
            if (!awaitExit(process) || !Files.exists(this.directory.resolve(name).resolve("app.jsa"))) {
                throw new IllegalStateException("No class-data archive for " + name + "; see its -cds.log");
            }
        });
        return (System.nanoTime() - started) / 1e9;
    }

    /** How to launch the service: from its extracted jar with its archive. */
    Launch launch(String name) {
        return this.launches.get(name);
    }

    /** What an earlier run left (extracting refuses to overwrite). */
    private static void deleteTree(Path tree) {
        if (!Files.exists(tree)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void run(List<String> command, Map<String, String> environment, Path log) {
        if (!awaitExit(start(command, environment, log))) {
            throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
        }
    }

    private static Process start(List<String> command, Map<String, String> environment, Path log) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            return builder.start();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static boolean awaitExit(Process process) {
        try {
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }

}
