package dev.stillpoint.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * postfix's {@code smtp-sink}, writing every message it accepts to a file of its own on tmpfs: the SMTP server the
 * services send to, and the recording that proves "exactly once" (one file per message, its mtime the arrival).
 * Measured on this machine it accepts 6,900–8,600 messages/s this way ({@code ../shared/NOTES.md}).
 */
final class SmtpSink implements AutoCloseable {

    private Process process;

    private final int port;

    private final Path directory;

    private SmtpSink(Process process, int port, Path directory) {
        this.process = process;
        this.port = port;
        this.directory = directory;
    }

    static boolean installed() {
        return Commands.available("smtp-sink") && Commands.available("smtp-source");
    }

    static SmtpSink start(int port) {
        try {
            Path memory = Files.isDirectory(Path.of("/dev/shm")) ? Path.of("/dev/shm") : Path.of(System.getProperty("java.io.tmpdir"));
            Path directory = Files.createTempDirectory(memory, "stillpoint-sink-");
            // smtp-sink drops root for "postfix", which must be able to write there
            Commands.run(List.of("chown", "postfix", directory.toString()), java.time.Duration.ofSeconds(10));
            SmtpSink sink = new SmtpSink(launch(port, directory, 0), port, directory);
            sink.awaitListening();
            return sink;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static Process launch(int port, Path directory, int dataDelaySeconds) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(Commands.path("smtp-sink"), "-u", "postfix", "-d",
                directory + "/%H%M/m."));
        if (dataDelaySeconds > 0) {
            // a slow relay: each message is answered only after this many seconds
            command.addAll(List.of("-w", String.valueOf(dataDelaySeconds)));
        }
        command.addAll(List.of("127.0.0.1:" + port, "1024"));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    }

    /** Stops answering at once (the port refuses connections), keeping what was recorded: an SMTP server that is away. */
    synchronized void stop() {
        this.process.destroyForcibly();
        try {
            this.process.waitFor(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** Listens again on the same port, recording into the same directory; slow if {@code dataDelaySeconds} > 0. */
    synchronized void restart(int dataDelaySeconds) {
        stop();
        try {
            this.process = launch(this.port, this.directory, dataDelaySeconds);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        awaitListening();
    }

    private void awaitListening() {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", this.port)) {
                return;
            }
            catch (IOException ex) {
                Pause.briefly(java.time.Duration.ofMillis(50));
            }
        }
        throw new IllegalStateException("smtp-sink did not listen on " + this.port);
    }

    int port() {
        return this.port;
    }

    /** A fresh reading of every message recorded from now on. */
    Mailbox mailbox() {
        return new Mailbox(this.directory);
    }

    /** Forgets every message recorded so far (between scenarios, so that each reads only its own). */
    void clear() {
        try (Stream<Path> paths = Files.list(this.directory)) {
            for (Path minute : paths.toList()) {
                Directories.delete(minute);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() {
        this.process.destroy();
        try {
            this.process.waitFor(10, TimeUnit.SECONDS);
            Directories.delete(this.directory);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
