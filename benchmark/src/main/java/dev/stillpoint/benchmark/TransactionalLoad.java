package dev.stillpoint.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Books sessions at a fixed rate through booking-service's API and waits for each booking's confirmation at the SMTP
 * sink: latency is from the moment the request is sent to the moment the sink has the whole email.
 */
final class TransactionalLoad {

    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** Concurrent requests at most, as many browsers or a proxy in front of the service would hold. */
    private static final int CONNECTIONS = 64;

    private final Services services;

    private final SmtpSink sink;

    private final Slots slots;

    TransactionalLoad(Services services, SmtpSink sink, Slots slots) {
        this.services = services;
        this.sink = sink;
        this.slots = slots;
    }

    Result run(String name, int rate, int seconds) {
        Mailbox mailbox = this.sink.mailbox();
        int count = rate * seconds;
        List<Booking> bookings = new ArrayList<>(count);
        // open loop: each booking is sent at its time, and its latency counts from that time even if every
        // connection was busy, so a slow service cannot hide its queue (no coordinated omission)
        ExecutorService clients = Executors.newFixedThreadPool(CONNECTIONS);
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            Pause.until(started + (long) (i * 1e9 / rate));
            String email = name + "-" + i + "@bench.test";
            HttpRequest request = HttpRequest.newBuilder(URI.create(this.services.url("booking-service", "/api/bookings")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(email, this.slots.next()))).build();
            bookings.add(new Booking(email, Instant.now(), CompletableFuture.supplyAsync(() -> send(request), clients)));
        }
        double offeredSeconds = (System.nanoTime() - started) / 1e9;
        int accepted = 0;
        int failed = 0;
        String refused = null;
        for (Booking booking : bookings) {
            String answer = booking.response().join();
            if (answer.startsWith("201 ")) {
                accepted++;
            }
            else {
                failed++;
                if (refused == null) {
                    refused = answer;
                    System.out.println("  a booking failed: " + refused);
                }
            }
        }
        clients.shutdown();
        Map<String, Booking> byEmail = bookings.stream().collect(Collectors.toMap(Booking::email, (booking) -> booking));
        List<Mailbox.Received> confirmations = mailbox.awaitCount((message) -> byEmail.containsKey(message.to())
                && message.subject().contains("Confirmed"), accepted, Duration.ofSeconds(60));
        Map<String, Mailbox.Received> first = new HashMap<>();
        for (Mailbox.Received message : confirmations) {
            first.merge(message.to(), message, (one, other) -> one.arrivedAt().isBefore(other.arrivedAt()) ? one : other);
        }
        List<double[]> series = new ArrayList<>();
        List<Double> latencies = new ArrayList<>();
        Instant last = null;
        for (Booking booking : bookings) {
            Mailbox.Received confirmation = first.get(booking.email());
            if (confirmation != null) {
                double latency = Duration.between(booking.sentAt(), confirmation.arrivedAt()).toNanos() / 1e6;
                latencies.add(latency);
                series.add(new double[] { Duration.between(bookings.get(0).sentAt(), booking.sentAt()).toNanos() / 1e9,
                        latency });
                last = (last == null || confirmation.arrivedAt().isAfter(last)) ? confirmation.arrivedAt() : last;
            }
        }
        Percentiles percentiles = new Percentiles(latencies);
        double drainSeconds = (last != null) ? Duration.between(bookings.get(0).sentAt(), last).toNanos() / 1e9 : Double.NaN;
        String scenario = "booking → confirmation, " + rate + "/s for " + seconds + " s";
        List<Figure> figures = List.of(
                Figure.of(scenario, "bookings accepted (201)", accepted, "bookings").exactly(count),
                Figure.of(scenario, "bookings refused or failed", failed, "requests").exactly(0),
                Figure.of(scenario, "bookings offered per second", count / offeredSeconds, "/s"),
                Figure.of(scenario, "confirmations missing", accepted - first.size(), "emails").exactly(0),
                Figure.of(scenario, "confirmations doubled", confirmations.size() - first.size(), "emails").exactly(0),
                Figure.of(scenario, "latency p50", percentiles.at(50), "ms"),
                Figure.of(scenario, "latency p99", percentiles.at(99), "ms"),
                Figure.of(scenario, "latency max", percentiles.max(), "ms"),
                Figure.of(scenario, "confirmations per second (first booking → last email)",
                        first.size() / drainSeconds, "/s"));
        return new Result(scenario, figures, series, percentiles);
    }

    static String body(String email, Instant startsAt) {
        return """
                {"client": {"name": "Benchmark Client", "email": "%s", "timeZone": "Europe/London"},
                 "sessionType": "CST_60", "startsAt": "%s", "newsletterOptIn": false,
                 "screening": {"aneurysm": false, "cerebralHemorrhage": false, "bleedingDisorder": false,
                               "intracranialPressure": false}}""".formatted(email, startsAt);
    }

    /** Sends one booking; returns its status and body, or the error that kept it from being answered. */
    static String send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        }
        catch (IOException ex) {
            return "no answer: " + ex;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private record Booking(String email, Instant sentAt, CompletableFuture<String> response) {
    }

    /**
     * @param series (seconds since the first booking, latency in ms) per confirmed booking, for the chart
     */
    record Result(String scenario, List<Figure> figures, List<double[]> series, Percentiles latencies) {
    }

}
