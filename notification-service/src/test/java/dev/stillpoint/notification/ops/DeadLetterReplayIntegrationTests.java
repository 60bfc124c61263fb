package dev.stillpoint.notification.ops;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.stillpoint.embedded.TopicReader;
import dev.stillpoint.events.booking.BookingConfirmed;
import dev.stillpoint.events.booking.BookingDetails;
import dev.stillpoint.events.booking.BookingEventType;
import dev.stillpoint.events.booking.BookingTopics;
import dev.stillpoint.notification.IntegrationTestBase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.support.KafkaHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replay from the ops console cannot forge an event: only records of dead-letter topics, only back to the source
 * their headers record, only with a body the consumer would take and whose ids and version are the original's. Each
 * operator signs in as themselves, and the audit keeps who replayed what, with the body before and after.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "stillpoint.ops.operators.alice=" + DeadLetterReplayIntegrationTests.ALICE_PASSWORD,
        "stillpoint.reminders.quiet-hours.starts=00:00",
        "stillpoint.reminders.quiet-hours.ends=00:00" })
class DeadLetterReplayIntegrationTests extends IntegrationTestBase {

    static final String ALICE_PASSWORD = "alice-replays-carefully";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @Test
    void aCorrectionMayFixWhatFailedButNotTheEventsIdsOrVersionAndTheAuditKeepsWhoAndBothBodies() throws Exception {
        UUID bookingId = UUID.randomUUID();
        String fixed = "fixed-" + bookingId.toString().substring(0, 8) + "@example.com";
        events.publish(confirmed(bookingId, "not-an-address"));
        ConsumerRecord<String, String> deadLetter = deadLetter(bookingId);
        String path = "/ops/dead-letters/" + deadLetter.topic() + "/" + deadLetter.partition() + "/"
                + deadLetter.offset();
        String original = deadLetter.value();

        // pushing the booking's version past the real one would make every later real event look stale
        HttpResponse<String> forged = replay(path, original.replace("not-an-address", fixed)
            .replace("\"bookingVersion\":1", "\"bookingVersion\":99"));
        assertThat(forged.statusCode()).isEqualTo(422);
        assertThat(forged.body()).contains("Not replayed", "bookingVersion");
        // a body the listener would refuse again
        HttpResponse<String> stillBroken = replay(path, original.replace("not-an-address", "still not an address"));
        assertThat(stillBroken.statusCode()).isEqualTo(422);
        assertThat(stillBroken.body()).contains("no valid client email address");
        assertThat(auditRows(deadLetter)).isZero();

        HttpResponse<String> replayed = replay(path, original.replace("not-an-address", fixed));
        assertThat(replayed.statusCode()).isEqualTo(302);
        assertThat(awaitEmails(fixed, 1).get(0).getSubject()).startsWith("Confirmed: your CranioSacral session on");
        String audit = this.jdbc.sql("select actor || '|' || body_before || '|' || body_after from ops_audit "
                + "where dlt_topic = ? and dlt_partition = ? and dlt_offset = ?")
            .params(deadLetter.topic(), deadLetter.partition(), deadLetter.offset())
            .query(String.class).single();
        assertThat(audit).startsWith("alice|").contains("not-an-address", fixed);
    }

    @Test
    void onlyADeadLetterGoesBackAndOnlyToTheSourceItsHeadersRecord() throws Exception {
        // a record of an ordinary topic is not the console's to replay
        UUID bookingId = UUID.randomUUID();
        events.publish(confirmed(bookingId, "ordinary-" + bookingId.toString().substring(0, 8) + "@example.com"));
        assertThat(replay("/ops/dead-letters/" + BookingTopics.BOOKING_EVENTS + "/0/0", "{}").statusCode())
            .isEqualTo(404);

        // a record put on the dead-letter topic by hand, claiming another source
        UUID planted = UUID.randomUUID();
        ProducerRecord<String, String> record = new ProducerRecord<>(BookingTopics.BOOKING_EVENTS_DEAD_LETTER,
                planted.toString(), "{\"bookingId\":\"" + planted + "\"}");
        record.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, "newsletter.events".getBytes(StandardCharsets.UTF_8));
        events.send(record, BookingEventType.CONFIRMED.ceType());
        ConsumerRecord<String, String> plantedRecord = deadLetter(planted);
        HttpResponse<String> refused = replay("/ops/dead-letters/" + plantedRecord.topic() + "/"
                + plantedRecord.partition() + "/" + plantedRecord.offset(), "");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("does not say it came from booking.events");
        assertThat(auditRows(plantedRecord)).isZero();
    }

    private ConsumerRecord<String, String> deadLetter(UUID bookingId) {
        try (TopicReader topic = new TopicReader(brokers(), BookingTopics.BOOKING_EVENTS_DEAD_LETTER,
                BookingTopics.BOOKING_EVENTS_PARTITIONS)) {
            return topic.awaitRecords(bookingId.toString(), 1).get(0);
        }
    }

    private int auditRows(ConsumerRecord<String, String> record) {
        return this.jdbc.sql("select count(*) from ops_audit where dlt_topic = ? and dlt_partition = ? and dlt_offset = ?")
            .params(record.topic(), record.partition(), record.offset()).query(Integer.class).single();
    }

    /** As alice's browser does it: the page (for its CSRF token and session), then the form's POST. */
    private HttpResponse<String> replay(String path, String body) throws Exception {
        HttpResponse<String> page = this.http.send(signedIn(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(page.body());
        String token = csrf.find() ? csrf.group(1) : "";
        String cookie = page.headers().firstValue("Set-Cookie").map((value) -> value.split(";")[0]).orElse("");
        String form = "_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&body="
                + URLEncoder.encode(body, StandardCharsets.UTF_8);
        return this.http.send(signedIn(path + "/replay").header("Cookie", cookie)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder signedIn(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
            .header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString(("alice:" + ALICE_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private static BookingConfirmed confirmed(UUID bookingId, String email) {
        Instant start = Instant.now().plus(Duration.ofDays(9));
        BookingDetails details = new BookingDetails(new BookingDetails.Client("Ada Lovelace", email, "Europe/London"),
                "CST_60", 60, 45, start, start.plus(Duration.ofHours(1)), "CONFIRMED", false,
                URI.create("http://localhost:8081/bookings/" + bookingId + "/manage?token=abc"));
        return new BookingConfirmed(UUID.randomUUID(), bookingId, 1, Instant.now(), details, false);
    }

}
