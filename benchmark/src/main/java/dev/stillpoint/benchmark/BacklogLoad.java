package dev.stillpoint.benchmark;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.stillpoint.events.CloudEventHeaders;
import dev.stillpoint.events.booking.BookingConfirmed;
import dev.stillpoint.events.booking.BookingDetails;
import dev.stillpoint.events.booking.BookingEventType;
import dev.stillpoint.events.booking.BookingTopics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A backlog drained from cold: with notification-service stopped, {@code n} confirmed bookings wait on
 * {@code booking.events} (written as booking-service's outbox relay writes them); then notification-service starts and
 * the time from its launch to the last confirmation at the sink is measured.
 */
final class BacklogLoad {

    private static final JsonMapper json = JsonMapper.builder().build();

    private static final String DOMAIN = "@backlog.bench.test";

    private final Services services;

    private final Infrastructure infrastructure;

    private final Slots slots;

    BacklogLoad(Services services, Infrastructure infrastructure, Slots slots) {
        this.services = services;
        this.infrastructure = infrastructure;
        this.slots = slots;
    }

    List<Figure> run(int events, double smtpLimit) {
        this.services.stop("notification-service");
        produce(events);
        Mailbox mailbox = this.infrastructure.sink().mailbox();
        Instant launched = Instant.now();
        Duration startup = this.services.start(List.of("notification-service")).get("notification-service");
        List<Mailbox.Received> received = mailbox.awaitCount((message) -> message.to().endsWith(DOMAIN)
                && message.subject().contains("Confirmed"), events, Duration.ofSeconds(60));
        Set<String> recipients = new HashSet<>();
        received.forEach((message) -> recipients.add(message.to()));
        Instant first = received.stream().map(Mailbox.Received::arrivedAt).min(Instant::compareTo).orElse(launched);
        Instant last = received.stream().map(Mailbox.Received::arrivedAt).max(Instant::compareTo).orElse(launched);
        String scenario = "backlog of " + String.format(java.util.Locale.ROOT, "%,d", events)
                + " booking events, notification-service cold";
        double fromLaunch = Duration.between(launched, last).toNanos() / 1e9;
        return List.of(
                Figure.of(scenario, "confirmations per second (launch → last email)", recipients.size() / fromLaunch, "/s")
                    .against("smtp-source → sink", smtpLimit).target(1000, true),
                Figure.of(scenario, "confirmations per second (first → last email)",
                        recipients.size() / (Duration.between(first, last).toNanos() / 1e9), "/s")
                    .against("smtp-source → sink", smtpLimit),
                Figure.of(scenario, "launch → ready", startup.toMillis() / 1000.0, "s"),
                Figure.of(scenario, "launch → last email", fromLaunch, "s"),
                Figure.of(scenario, "confirmations missing", events - recipients.size(), "emails").exactly(0),
                Figure.of(scenario, "confirmations doubled", received.size() - recipients.size(), "emails").exactly(0));
    }

    private void produce(int events) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.infrastructure.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < events; i++) {
                producer.send(record(i));
            }
            producer.flush();
        }
    }

    private ProducerRecord<String, String> record(int i) {
        UUID bookingId = UUID.randomUUID();
        Instant startsAt = this.slots.next();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        BookingConfirmed event = new BookingConfirmed(UUID.randomUUID(), bookingId, 1, now, new BookingDetails(
                new BookingDetails.Client("Backlog Client", "backlog-" + i + DOMAIN, "Europe/London"), "CST_60", 60, 45,
                startsAt, startsAt.plus(60, ChronoUnit.MINUTES), "CONFIRMED", false,
                URI.create("http://localhost:8081/bookings/" + bookingId + "/manage?token=benchmark")), false);
        ProducerRecord<String, String> record = new ProducerRecord<>(BookingTopics.BOOKING_EVENTS, bookingId.toString(),
                json.writeValueAsString(event));
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(record, CloudEventHeaders.ID, event.eventId().toString());
        header(record, CloudEventHeaders.TYPE, BookingEventType.CONFIRMED.ceType());
        header(record, CloudEventHeaders.SOURCE, BookingTopics.SOURCE);
        header(record, CloudEventHeaders.TIME, now.toString());
        header(record, CloudEventHeaders.SUBJECT, bookingId.toString());
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

}
