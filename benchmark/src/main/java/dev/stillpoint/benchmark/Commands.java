package dev.stillpoint.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command to its end and returns what it printed (stdout and stderr), failing on a non-zero exit. */
final class Commands {

    private Commands() {
    }

    static List<String> run(List<String> command, Duration timeout) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Timed out: " + command);
            }
            List<String> lines = new String(output, StandardCharsets.UTF_8).lines().toList();
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command + " exited with " + process.exitValue() + ": " + lines);
            }
            return lines;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    static boolean available(String program) {
        return path(program) != null;
    }

    /** The program's full path (postfix's tools live in /usr/sbin, often not on a user's PATH), or null. */
    static String path(String program) {
        return List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin").stream()
            .map((directory) -> new java.io.File(directory, program)).filter(java.io.File::canExecute)
            .map(java.io.File::getPath).findFirst().orElse(null);
    }

}
