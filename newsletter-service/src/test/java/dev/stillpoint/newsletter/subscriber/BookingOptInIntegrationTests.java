package dev.stillpoint.newsletter.subscriber;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.stillpoint.embedded.ReceivedEmails;
import dev.stillpoint.embedded.TopicReader;
import dev.stillpoint.embedded.Waits;
import dev.stillpoint.events.CloudEventHeaders;
import dev.stillpoint.events.DeadLetterHeaders;
import dev.stillpoint.events.DeadLetterTopics;
import dev.stillpoint.events.booking.BookingConfirmed;
import dev.stillpoint.events.booking.BookingDetails;
import dev.stillpoint.events.booking.BookingEventType;
import dev.stillpoint.events.booking.BookingTopics;
import dev.stillpoint.newsletter.NewsletterTestBase;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client who ticks "join the newsletter" when booking is asked to confirm, from the booking event on Kafka; the
 * database being away meanwhile (a restart) is waited out, not dead-lettered; an unreadable event is.
 */
class BookingOptInIntegrationTests extends NewsletterTestBase {

    @Test
    void anOptInOutlivesTheDatabaseRefusingConnectionsForSeconds() throws Exception {
        String address = "opt-in-" + run() + "@example.com";
        // what PostgreSQL answers while it shuts down for a restart (57P01), for every new subscriber, until dropped
        this.jdbc.sql("create sequence opt_ins_refused").update();
        this.jdbc.sql("""
                create function refuse_subscriber() returns trigger language plpgsql as $$
                begin
                    perform nextval('opt_ins_refused');
                    raise exception 'terminating connection due to administrator command' using errcode = '57P01';
                end $$""").update();
        this.jdbc.sql("create trigger refuse_subscriber before insert on subscriber for each row "
                + "execute function refuse_subscriber()").update();
        try {
            publishConfirmed(address);
            await().atMost(Waits.STEP).until(() -> this.jdbc.sql("select is_called from opt_ins_refused")
                .query(Boolean.class).single());
            // refused for longer than a restart's blip (and than the three quick tries that dead-lettered it before)
            await().during(Duration.ofSeconds(6)).atMost(Waits.STEP)
                .until(() -> count("select count(*) from subscriber where email = '" + address + "'") == 0);
        }
        finally {
            this.jdbc.sql("drop trigger refuse_subscriber on subscriber").update();
            this.jdbc.sql("drop function refuse_subscriber").update();
            this.jdbc.sql("drop sequence opt_ins_refused").update();
        }
        await().atMost(Waits.STEP).until(() -> count("select count(*) from subscriber where email = '" + address
                + "' and status = 'PENDING'") == 1);
        assertThat(ReceivedEmails.waitFor(smtp, address, 1)).extracting(MimeMessage::getSubject)
            .containsExactly("Please confirm your subscription to our newsletter");
    }

    /**
     * notification-service owns {@code booking.events-dlt}: a booking event the opt-in cannot read is parked on the
     * opt-in's own dead-letter topic, with the reason and the group, and the next event is read.
     */
    @Test
    void anUnreadableBookingEventIsParkedOnTheOptInsOwnDeadLetterTopic() throws Exception {
        String key = UUID.randomUUID().toString();
        ProducerRecord<String, String> unreadable = new ProducerRecord<>(BookingTopics.BOOKING_EVENTS, key, "{not json");
        unreadable.headers().add(CloudEventHeaders.TYPE,
                BookingEventType.CONFIRMED.ceType().getBytes(StandardCharsets.UTF_8));
        this.kafka.send(unreadable).get();
        String address = "after-unreadable-" + run() + "@example.com";
        publishConfirmed(address);
        try (TopicReader own = new TopicReader(System.getProperty("spring.embedded.kafka.brokers"),
                DeadLetterTopics.of(BookingTopics.BOOKING_EVENTS, BookingOptInListener.GROUP_ID),
                BookingTopics.BOOKING_EVENTS_PARTITIONS)) {
            ConsumerRecord<String, String> parked = own.awaitRecords(key, 1).get(0);
            assertThat(parked.value()).isEqualTo("{not json");
            assertThat(TopicReader.header(parked, DeadLetterHeaders.REASON)).contains("Unexpected character");
            assertThat(TopicReader.header(parked, DeadLetterHeaders.CONSUMER_GROUP)).isEqualTo("newsletter-service");
        }
        await().atMost(Waits.STEP).until(() -> count("select count(*) from subscriber where email = '" + address
                + "' and status = 'PENDING'") == 1);
    }

    private void publishConfirmed(String address) {
        UUID bookingId = UUID.randomUUID();
        Instant start = Instant.now().plus(Duration.ofDays(9));
        BookingDetails details = new BookingDetails(new BookingDetails.Client("Grace Hopper", address, "Europe/London"),
                "CST_60", 60, 45, start, start.plus(Duration.ofHours(1)), "CONFIRMED", true,
                URI.create("http://localhost:8081/bookings/" + bookingId + "/manage?token=abc"));
        ProducerRecord<String, String> record = new ProducerRecord<>(BookingTopics.BOOKING_EVENTS, bookingId.toString(),
                this.json.writeValueAsString(new BookingConfirmed(UUID.randomUUID(), bookingId, 1, Instant.now(), details,
                        false)));
        record.headers().add(CloudEventHeaders.TYPE, BookingEventType.CONFIRMED.ceType().getBytes(StandardCharsets.UTF_8));
        this.kafka.send(record);
    }

}
