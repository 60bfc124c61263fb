package dev.stillpoint.benchmark;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Books at a fixed rate while faults are injected at their times, then accounts for every booking ({@link FaultFigures}):
 * its confirmation at the recording SMTP sink (none lost; an extra copy only with the original Message-ID), its row in
 * notification-service's database (settled SENT) and booking-service's outbox (published).
 */
final class FaultLoad {

    /** Concurrent requests at most, as a proxy in front of the service would hold. */
    private static final int CONNECTIONS = 64;

    /** How long the count of confirmations may stand still before the missing ones are called lost. */
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(120);

    private static final Pattern BOOKING_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private static final Pattern MANAGE_TOKEN = Pattern.compile("\"manageToken\"\\s*:\\s*\"([^\"]+)\"");

    private final Services services;

    private final Infrastructure infrastructure;

    private final Slots slots;

    private final FaultFigures figures;

    /** Scenarios run so far: each books under addresses of its own. */
    private int scenarios;

    FaultLoad(Services services, Infrastructure infrastructure, Slots slots) {
        this.services = services;
        this.infrastructure = infrastructure;
        this.slots = slots;
        this.figures = new FaultFigures(infrastructure);
    }

    /**
     * Runs one scenario: {@code rate} bookings a second for {@code seconds}, each fault at its time (one after another,
     * on a thread of their own, so that the bookings keep their pace).
     *
     * @param expect what the scenario must show
     */
    List<Figure> run(String scenario, int rate, int seconds, List<Fault> faults, Expect expect) throws Exception {
        // short: an address's local part may have 64 characters at most
        String prefix = "fault" + (++this.scenarios);
        Mailbox mailbox = this.infrastructure.sink().mailbox();
        List<Booking> bookings = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(CONNECTIONS);
        ScheduledExecutorService injector = Executors.newSingleThreadScheduledExecutor();
        List<ScheduledFuture<?>> injected = new ArrayList<>();
        for (Fault fault : faults) {
            injected.add(injector.schedule(() -> {
                System.out.println("  " + scenario + ": " + fault.what());
                fault.action().run();
            }, (long) (fault.atSecond() * 1000), TimeUnit.MILLISECONDS));
        }
        long started = System.nanoTime();
        for (int i = 0; i < rate * seconds; i++) {
            Pause.until(started + (long) (i * 1e9 / rate));
            String email = prefix + "-" + i + "@faults.test";
            HttpRequest request = HttpRequest.newBuilder(URI.create(this.services.url("booking-service", "/api/bookings")))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(TransactionalLoad.body(email, this.slots.next()))).build();
            CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> TransactionalLoad.send(request), clients);
            boolean cancel = expect.cancelEvery() > 0 && i % expect.cancelEvery() == 0;
            bookings.add(new Booking(email, Instant.now(), answer, cancel
                    ? answer.thenApplyAsync(this::cancel, clients) : CompletableFuture.completedFuture(false)));
        }
        for (ScheduledFuture<?> fault : injected) {
            fault.get();
        }
        injector.shutdown();
        List<Booking> accepted = bookings.stream().filter((booking) -> booking.response().join().startsWith("201 "))
            .toList();
        clients.shutdown();
        Set<String> addresses = accepted.stream().map(Booking::email).collect(Collectors.toSet());
        List<Mailbox.Received> received = mailbox.awaitCount((message) -> addresses.contains(message.to())
                && message.subject().contains("Confirmed"), accepted.size(), GIVE_UP_AFTER);
        List<Figure> figures = new ArrayList<>(this.figures.of(scenario, prefix, bookings.size(), accepted, received,
                expect));
        if (expect.cancelEvery() > 0) {
            // a confirmation that reached notification-service after its booking's cancellation would be dropped as
            // stale, and counted lost above: so every booking's events arrived in order
            Set<String> cancelled = accepted.stream().filter((booking) -> booking.cancelled().join())
                .map(Booking::email).collect(Collectors.toSet());
            long notices = mailbox.awaitCount((message) -> cancelled.contains(message.to())
                    && message.subject().contains("Cancelled"), cancelled.size(), GIVE_UP_AFTER).stream()
                .map(Mailbox.Received::to).distinct().count();
            figures.add(Figure.of(scenario, "bookings cancelled right after booking", cancelled.size(), "bookings"));
            figures.add(Figure.of(scenario, "cancellation notices lost", cancelled.size() - notices, "emails").exactly(0));
        }
        return figures;
    }

    /** Cancels a booking just made, as its client could; returns whether it was cancelled. */
    private boolean cancel(String answer) {
        Matcher id = BOOKING_ID.matcher(answer);
        Matcher token = MANAGE_TOKEN.matcher(answer);
        if (!answer.startsWith("201 ") || !id.find() || !token.find()) {
            return false;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(this.services.url("booking-service",
                "/api/bookings/" + id.group(1) + "/cancel")))
            .header("X-Manage-Token", token.group(1)).timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.noBody()).build();
        return TransactionalLoad.send(request).startsWith("200 ");
    }

    /** Something done to the system at {@code atSecond} into the bookings, and what it was, for the log. */
    record Fault(double atSecond, String what, Runnable action) {
    }

    /**
     * @param extraCopies how many extra copies of a confirmation may arrive (one per kill of a sender at most)
     * @param p99Seconds the latency target, or NaN for none
     * @param refusalsAllowed whether some bookings may be refused (booking-service itself is the one stopped)
     * @param cancelEvery every how many bookings one is cancelled right after it is made (0: none), so that its two
     * events follow each other closely through the outbox
     */
    record Expect(int extraCopies, double p99Seconds, boolean refusalsAllowed, int cancelEvery) {

        Expect(int extraCopies, double p99Seconds, boolean refusalsAllowed) {
            this(extraCopies, p99Seconds, refusalsAllowed, 0);
        }

    }

    /** A booking offered: to whom, when, its answer, and whether it was then cancelled. */
    record Booking(String email, Instant sentAt, CompletableFuture<String> response,
            CompletableFuture<Boolean> cancelled) {
    }

}
