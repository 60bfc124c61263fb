package dev.stillpoint.benchmark;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The messages {@code smtp-sink} recorded, read incrementally: each file once smtp-sink has written it to its end. A
 * message's arrival is its file's modification time, which smtp-sink sets as it writes the end of the message.
 */
final class Mailbox {

    private final Path directory;

    private final Set<Path> read = new HashSet<>();

    private final List<Received> messages = new ArrayList<>();

    Mailbox(Path directory) {
        this.directory = directory;
    }

    /**
     * Reads what arrived since the last call; returns every message read so far. It lists names only (smtp-sink
     * writes {@code <minute>/m.<random>}), so that looking costs the machine under test little even at 100,000 files.
     */
    synchronized List<Received> refresh() {
        try (DirectoryStream<Path> minutes = Files.newDirectoryStream(this.directory)) {
            for (Path minute : minutes) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(minute)) {
                    for (Path path : files) {
                        Received message = this.read.contains(path) ? null : parse(path);
                        if (message != null) {
                            this.read.add(path);
                            this.messages.add(message);
                        }
                    }
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return List.copyOf(this.messages);
    }

    /**
     * Reads until {@code expected} messages matching {@code filter} are there, or no new one came for {@code idle}.
     * While it waits it only counts the files (a directory listing, no file opened), and reads them once there are
     * enough of them or no more come: reading 100,000 messages as they arrive took a sixth of a core from the machine
     * under test. A message's arrival time is its file's, so reading it later changes no figure.
     */
    List<Received> awaitCount(Predicate<Received> filter, int expected, Duration idle) {
        long lastProgress = System.nanoTime();
        long seen = -1;
        while (true) {
            long files = countFiles();
            long matchingAtMost = this.messages.stream().filter(filter).count() + (files - this.read.size());
            if (matchingAtMost >= expected || System.nanoTime() - lastProgress > idle.toNanos()) {
                List<Received> matching = refresh().stream().filter(filter).toList();
                if (matching.size() >= expected) {
                    // anything extra (a duplicate) that is already on its way has a moment to arrive and be counted
                    Pause.briefly(Duration.ofMillis(500));
                    return refresh().stream().filter(filter).toList();
                }
                if (System.nanoTime() - lastProgress > idle.toNanos()) {
                    return matching;
                }
            }
            if (files != seen) {
                seen = files;
                lastProgress = System.nanoTime();
            }
            Pause.briefly(Duration.ofMillis(500));
        }
    }

    /** How many files smtp-sink has begun, complete or not. */
    private long countFiles() {
        File[] minutes = this.directory.toFile().listFiles();
        long count = 0;
        for (File minute : (minutes != null) ? minutes : new File[0]) {
            String[] names = minute.list();
            count += (names != null) ? names.length : 0;
        }
        return count;
    }

    private static Received parse(Path path) throws IOException {
        String to = null;
        String messageId = null;
        String subject = null;
        boolean complete = false;
        boolean multipart = false;
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.ISO_8859_1)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty()) {
                    complete = true;
                    break;
                }
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("x-rcpt-args:")) {
                    to = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>')).toLowerCase(Locale.ROOT);
                }
                else if (lower.startsWith("message-id:")) {
                    messageId = line.substring("message-id:".length()).trim();
                }
                else if (lower.startsWith("content-type:")) {
                    multipart = lower.contains("multipart/");
                }
                else if (lower.startsWith("subject:")) {
                    subject = line.substring("subject:".length()).trim();
                }
            }
            if (!complete || to == null || messageId == null || (multipart && !ended(path))) {
                return null;
            }
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return new Received(to, messageId, (subject != null) ? subject : "", attributes.lastModifiedTime().toInstant());
        }
        catch (NoSuchFileException ex) {
            return null;
        }
    }

    /**
     * Whether smtp-sink wrote a multipart message to its end: its last line closes the multipart (every email
     * Stillpoint sends is one; smtp-source's, for the limit, are not, and count as they come). A sink stopped
     * mid-message leaves a file cut short, which the server never accepted: the sender is right to send it again, and
     * it is not a copy.
     */
    private static boolean ended(Path path) throws IOException {
        try (SeekableByteChannel file = Files.newByteChannel(path)) {
            ByteBuffer tail = ByteBuffer.allocate((int) Math.min(file.size(), 256));
            file.position(file.size() - tail.capacity());
            while (tail.hasRemaining() && file.read(tail) > 0) {
                // read to the end
            }
            String end = new String(tail.array(), 0, tail.position(), StandardCharsets.ISO_8859_1).stripTrailing();
            String last = end.substring(end.lastIndexOf('\n') + 1);
            return last.startsWith("--") && last.endsWith("--");
        }
    }

    /**
     * One recorded message.
     *
     * @param to the envelope recipient
     * @param messageId its Message-ID header
     * @param subject its Subject header, as sent (possibly encoded)
     * @param arrivedAt when the sink finished writing it
     */
    record Received(String to, String messageId, String subject, Instant arrivedAt) {
    }

}
