package dev.stillpoint.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a fault scenario shows once the system has settled: every accepted booking's confirmation at the recording
 * SMTP sink (none lost, an extra copy only with the original Message-ID), the latencies, the longest silence, and the
 * rows notification-service and booking-service left unsettled.
 */
final class FaultFigures {

    private final Infrastructure infrastructure;

    FaultFigures(Infrastructure infrastructure) {
        this.infrastructure = infrastructure;
    }

    /** The scenario's figures, each with its target: what arrived, how fast, and what the databases say. */
    List<Figure> of(String scenario, String prefix, int offered, List<FaultLoad.Booking> accepted,
            List<Mailbox.Received> received, FaultLoad.Expect expect) throws SQLException {
        Map<String, List<Mailbox.Received>> byRecipient = received.stream()
            .collect(Collectors.groupingBy(Mailbox.Received::to));
        long otherMessageIds = byRecipient.values().stream()
            .mapToLong((copies) -> copies.stream().map(Mailbox.Received::messageId).distinct().count() - 1).sum();
        List<Double> latencies = new ArrayList<>();
        for (FaultLoad.Booking booking : accepted) {
            byRecipient.getOrDefault(booking.email(), List.of()).stream().map(Mailbox.Received::arrivedAt)
                .min(Comparator.naturalOrder())
                .ifPresent((first) -> latencies.add(Duration.between(booking.sentAt(), first).toNanos() / 1e6));
        }
        Percentiles percentiles = new Percentiles(latencies);
        Figure answered = Figure.of(scenario, "bookings answered 201", accepted.size(), "bookings");
        Figure p99 = Figure.of(scenario, "latency p99", percentiles.at(99) / 1000, "s");
        return List.of(expect.refusalsAllowed() ? answered : answered.exactly(offered),
                Figure.of(scenario, "bookings refused while it was away", offered - accepted.size(), "requests"),
                Figure.of(scenario, "confirmations lost", accepted.size() - byRecipient.size(), "emails").exactly(0),
                Figure.of(scenario, "extra copies", received.size() - byRecipient.size(), "emails")
                    .target(expect.extraCopies(), false),
                Figure.of(scenario, "extra copies with another Message-ID", otherMessageIds, "emails").exactly(0),
                Figure.of(scenario, "latency p50", percentiles.at(50) / 1000, "s"),
                Double.isNaN(expect.p99Seconds()) ? p99 : p99.target(expect.p99Seconds(), false),
                Figure.of(scenario, "latency max", percentiles.max() / 1000, "s"),
                Figure.of(scenario, "longest wait between two emails (recovery)", longestGap(received), "s"),
                Figure.of(scenario, "confirmations not settled SENT in the database", count(
                        "select count(*) from notification.notification where kind = 'BOOKING_CONFIRMED' "
                                + "and recipient like ? and status <> 'SENT'", prefix + "-%"), "rows").exactly(0),
                Figure.of(scenario, "booking events left in the outbox", count(
                        "select count(*) from booking.outbox_event where published_at is null", null), "rows")
                    .exactly(0));
    }

    private static double longestGap(List<Mailbox.Received> received) {
        List<Instant> arrivals = received.stream().map(Mailbox.Received::arrivedAt).sorted().toList();
        double longest = 0;
        for (int i = 1; i < arrivals.size(); i++) {
            longest = Math.max(longest, Duration.between(arrivals.get(i - 1), arrivals.get(i)).toNanos() / 1e9);
        }
        return longest;
    }

    /**
     * The rows left once the system has settled: counted again for up to 30 s while any is left, since an email is at
     * the server a moment before its row says SENT (and an event on Kafka before its outbox row says published).
     */
    private long count(String sql, String parameter) throws SQLException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (Connection connection = this.infrastructure.database(); PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            while (true) {
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    if (result.getLong(1) == 0 || System.nanoTime() > deadline) {
                        return result.getLong(1);
                    }
                }
                Pause.briefly(Duration.ofMillis(200));
            }
        }
    }

}
