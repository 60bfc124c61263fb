package dev.stillpoint.notification.booking;

import java.util.List;
import java.util.UUID;

import dev.stillpoint.embedded.ReceivedEmails;
import dev.stillpoint.embedded.TopicReader;
import dev.stillpoint.embedded.Waits;
import dev.stillpoint.events.CloudEventHeaders;
import dev.stillpoint.events.DeadLetterHeaders;
import dev.stillpoint.events.booking.BookingConfirmed;
import dev.stillpoint.events.booking.BookingDetails;
import dev.stillpoint.events.booking.BookingEvent;
import dev.stillpoint.events.booking.BookingEventType;
import dev.stillpoint.events.booking.BookingTopics;
import dev.stillpoint.notification.EmailParts;
import dev.stillpoint.notification.IntegrationTestBase;
import dev.stillpoint.notification.mail.CalendarInvite;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Booking events on a real broker become emails at a real SMTP server, once each. */
@SpringBootTest(properties = { "stillpoint.delivery.initial-retry-delay=300ms" })
class BookingEventsIntegrationTests extends IntegrationTestBase {

    @Autowired
    JsonMapper json;

    @Test
    void confirmedBookingGetsOneConfirmationWithCalendarInvite() throws Exception {
        String address = uniqueAddress();
        BookingEvent event = BookingEventFixtures.confirmed(UUID.randomUUID(), address, "America/New_York");
        publish(event);

        MimeMessage email = awaitEmails(address, 1).get(0);
        assertThat(email.getSubject()).isEqualTo("Confirmed: your CranioSacral session on Monday 9 March 2026 at 09:00");
        assertThat(email.getFrom()[0].toString()).isEqualTo("Stillpoint CranioSacral Therapy <hello@stillpoint.example>");
        assertThat(email.getMessageID()).matches("<[0-9a-f-]{36}@stillpoint\\.example>");
        String raw = ReceivedEmails.source(email);
        assertThat(raw).contains("multipart/alternative", "text/plain", "text/html", "text/calendar",
                "METHOD:REQUEST", "UID:" + CalendarInvite.uid(event.bookingId(), "stillpoint.example"));
        assertThat(EmailParts.text(email)).contains("Eastern Daylight Time (America/New_York)", "09:00–10:00",
                "no belts, buttons or tight jeans", "Bring extra water for after",
                "Google Calendar: https://calendar.google.com/calendar/render?action=TEMPLATE&text=CranioSacral%20therapy"
                        + "%20with%20Stillpoint%20CranioSacral%20Therapy&dates=20260309T130000Z/20260309T140000Z",
                "Outlook.com: https://outlook.live.com/calendar/0/action/compose?rru=addevent&subject=CranioSacral%20therapy",
                "&startdt=2026-03-09T13:00:00Z&enddt=2026-03-09T14:00:00Z");
        // the invitation also as the last alternative to text and HTML, with its method, as Outlook expects
        MimeMultipart alternative = (MimeMultipart) ((MimeMultipart) email.getContent()).getBodyPart(0).getContent();
        assertThat(alternative.getCount()).isEqualTo(3);
        assertThat(alternative.getBodyPart(2).getContentType()).startsWith("text/calendar").contains("method=REQUEST");
        assertThat(this.jdbc.sql("select status || ' ' || message_id from notification where booking_id = ? "
                + "and kind = 'BOOKING_CONFIRMED'")
            .param(event.bookingId()).query(String.class).single()).isEqualTo("SENT " + email.getMessageID());
    }

    @Test
    void duplicatedAndRedeliveredEventsSendNothingTwice() throws Exception {
        String address = uniqueAddress();
        UUID bookingId = UUID.randomUUID();
        BookingEvent confirmed = BookingEventFixtures.confirmed(bookingId, address, "Europe/London");
        publish(confirmed);
        publish(confirmed);
        // the same booking version again under a new event id, as a replayed outbox might produce
        publish(BookingEventFixtures.confirmed(bookingId, address, "Europe/London"));
        // events of one booking share a partition: once this one's email is out, every duplicate was consumed
        publish(BookingEventFixtures.cancelled(bookingId, address, "Europe/London", 2));

        List<MimeMessage> emails = awaitEmails(address, 2);
        assertThat(emails).extracting(MimeMessage::getSubject).containsExactly(
                "Confirmed: your CranioSacral session on Monday 9 March 2026 at 13:00",
                "Cancelled: your CranioSacral session on Monday 9 March 2026 at 13:00");
        assertThat(emails.get(0).getMessageID()).isNotEqualTo(emails.get(1).getMessageID());
        assertThat(this.jdbc.sql("select count(*) from notification where booking_id = ? and kind like 'BOOKING_%'")
            .param(bookingId)
            .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void poisonRecordsAreDeadLetteredAndTheNextRecordIsStillProcessed() throws Exception {
        String address = uniqueAddress();
        UUID bookingId = UUID.randomUUID();
        String key = bookingId.toString();
        send(new ProducerRecord<>(BookingTopics.BOOKING_EVENTS, key, "{not json"),
                BookingEventType.CONFIRMED.ceType());
        send(new ProducerRecord<>(BookingTopics.BOOKING_EVENTS, key, "{}"), "dev.stillpoint.booking.exploded.v7");
        send(new ProducerRecord<>(BookingTopics.BOOKING_EVENTS, key, this.json.writeValueAsString(
                BookingEventFixtures.confirmed(bookingId, "not-an-address", "Europe/London"))),
                BookingEventType.CONFIRMED.ceType());
        // another booking's event under this key: it would be ordered with the wrong booking's events
        send(new ProducerRecord<>(BookingTopics.BOOKING_EVENTS, key, this.json.writeValueAsString(
                BookingEventFixtures.confirmed(UUID.randomUUID(), address, "Europe/London"))),
                BookingEventType.CONFIRMED.ceType());
        BookingDetails fine = BookingEventFixtures.confirmed(bookingId, address, "Europe/London").booking();
        BookingDetails huge = new BookingDetails(new BookingDetails.Client("x".repeat(100_000), address, "Europe/London"),
                fine.sessionType(), fine.bookedMinutes(), fine.handsOnMinutes(), fine.startsAt(), fine.endsAt(),
                fine.status(), false, fine.manageUrl());
        send(new ProducerRecord<>(BookingTopics.BOOKING_EVENTS, key, this.json.writeValueAsString(
                new BookingConfirmed(UUID.randomUUID(), bookingId, 1, fine.startsAt(), huge, false))),
                BookingEventType.CONFIRMED.ceType());
        publish(BookingEventFixtures.held(bookingId, address));

        assertThat(awaitEmails(address, 1).get(0).getSubject()).startsWith("We have your booking request");
        List<ConsumerRecord<String, String>> deadLetters = deadLettersFor(key, 5);
        assertThat(deadLetters.get(0).value()).isEqualTo("{not json");
        assertThat(deadLetters.get(1).value()).isEqualTo("{}");
        assertThat(deadLetters.get(2).value()).contains("\"email\":\"not-an-address\"");
        assertThat(header(deadLetters.get(0), DeadLetterHeaders.REASON)).contains("Unexpected character");
        assertThat(header(deadLetters.get(1), DeadLetterHeaders.REASON))
            .isEqualTo("Unknown event type 'dev.stillpoint.booking.exploded.v7'");
        assertThat(header(deadLetters.get(2), DeadLetterHeaders.REASON)).isEqualTo("Event has no valid client email address");
        assertThat(header(deadLetters.get(3), DeadLetterHeaders.REASON))
            .isEqualTo("The record's key (" + key + ") is not its booking id");
        assertThat(header(deadLetters.get(4), DeadLetterHeaders.REASON)).startsWith("The record is 100")
            .endsWith("bytes, more than a booking event can be (65536)");
        assertThat(deadLetters).allSatisfy((record) -> {
            assertThat(header(record, "kafka_dlt-original-topic")).isEqualTo(BookingTopics.BOOKING_EVENTS);
            assertThat(header(record, CloudEventHeaders.TYPE)).isNotBlank();
            assertThat(header(record, DeadLetterHeaders.CONSUMER_GROUP)).isEqualTo("notification-service");
            assertThat(header(record, "kafka_dlt-exception-fqcn")).isNotBlank();
        });
    }

    @Test
    void emailsWaitOutAnSmtpOutageAndArriveOnceItIsOver() throws Exception {
        smtp.stop();
        String address = uniqueAddress();
        BookingEvent event = BookingEventFixtures.confirmed(UUID.randomUUID(), address, "Europe/Berlin");
        publish(event);
        await().atMost(Waits.STEP).until(() -> this.jdbc
            .sql("select count(*) from notification where booking_id = ? and status = 'PENDING' and attempts >= 2 "
                    + "and last_error is not null")
            .param(event.bookingId()).query(Integer.class).single() == 1);

        // the cancellation, queued behind the confirmation that is waiting to be retried, must not overtake it
        publish(BookingEventFixtures.cancelled(event.bookingId(), address, "Europe/Berlin", 2));
        smtp.start();
        assertThat(awaitEmails(address, 2)).extracting(MimeMessage::getSubject)
            .containsExactly("Confirmed: your CranioSacral session on Monday 9 March 2026 at 14:00",
                    "Cancelled: your CranioSacral session on Monday 9 March 2026 at 14:00");
        assertThat(this.jdbc.sql("select status from notification where booking_id = ? and kind like 'BOOKING_%' order by seq")
            .param(event.bookingId())
            .query(String.class).list()).containsExactly("SENT", "SENT");
    }

    private static void publish(BookingEvent event) {
        events.publish(event);
    }

    private static void send(ProducerRecord<String, String> record, String ceType) {
        events.send(record, ceType);
    }

    private static List<ConsumerRecord<String, String>> deadLettersFor(String key, int count) {
        try (TopicReader deadLetters = new TopicReader(brokers(), BookingTopics.BOOKING_EVENTS_DEAD_LETTER,
                BookingTopics.BOOKING_EVENTS_PARTITIONS)) {
            return deadLetters.awaitRecords(key, count);
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return TopicReader.header(record, name);
    }

    private static String uniqueAddress() {
        return "client-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

}
