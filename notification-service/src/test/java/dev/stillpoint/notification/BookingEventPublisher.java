package dev.stillpoint.notification;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import dev.stillpoint.events.CloudEventHeaders;
import dev.stillpoint.events.booking.BookingEvent;
import dev.stillpoint.events.booking.BookingEventType;
import dev.stillpoint.events.booking.BookingTopics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/** Publishes booking events to a real broker as booking-service does: JSON, keyed by booking id, CloudEvents headers. */
public final class BookingEventPublisher implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    private final JsonMapper json = JsonMapper.builder().build();

    public BookingEventPublisher(String bootstrapServers) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new StringSerializer());
    }

    public void publish(BookingEvent event) {
        send(new ProducerRecord<>(BookingTopics.BOOKING_EVENTS, event.bookingId().toString(),
                this.json.writeValueAsString(event)), BookingEventType.of(event).ceType());
    }

    /** Sends any record with the headers of a booking event of {@code ceType}, and waits until the broker has it. */
    public void send(ProducerRecord<String, String> record, String ceType) {
        record.headers().add(CloudEventHeaders.TYPE, ceType.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8));
        try {
            this.producer.send(record).get();
        }
        catch (Exception ex) {
            throw new IllegalStateException("Could not publish " + record, ex);
        }
    }

    @Override
    public void close() {
        this.producer.close();
    }

}
