package dev.stillpoint.notification.reminder;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.github.kagkarlsson.scheduler.Scheduler;
import dev.stillpoint.embedded.Waits;
import dev.stillpoint.events.booking.BookingConfirmed;
import dev.stillpoint.events.booking.BookingDetails;
import dev.stillpoint.notification.EmailParts;
import dev.stillpoint.notification.IntegrationTestBase;
import dev.stillpoint.notification.MutableClock;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.awaitility.Awaitility.await;

/**
 * The chain of care over real Kafka, PostgreSQL, db-scheduler and SMTP, on a clock the test moves: what the reminder
 * tests share (booking events to publish, the timeline to read, the clock to move).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "db-scheduler.polling-interval=200ms",
        "db-scheduler.heartbeat-interval=1s", "stillpoint.staff.password=" + ReminderTestBase.PASSWORD })
@AutoConfigureRestTestClient
@Import(ReminderTestBase.ControllableClock.class)
abstract class ReminderTestBase extends IntegrationTestBase {

    static final String PASSWORD = "test-staff-secret";

    static final MutableClock clock = new MutableClock(Instant.parse("2027-03-07T12:00:00Z"));

    @Autowired
    RestTestClient http;

    @Autowired
    JsonMapper json;

    @Autowired
    ReminderScheduling reminders;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Scheduler scheduler;

    BookingConfirmed confirm(String zone, String localStart, BookingDetails.Series series) {
        return confirm(zone, localStart, series, true);
    }

    /** A confirmed booking, published unless {@code publish} is false. */
    BookingConfirmed confirm(String zone, String localStart, BookingDetails.Series series, boolean publish) {
        return confirm(zone, localStart, series, publish, null);
    }

    /** A confirmed booking of {@code email} (one of its own if null), published unless {@code publish} is false. */
    BookingConfirmed confirm(String zone, String localStart, BookingDetails.Series series, boolean publish,
            String client) {
        UUID bookingId = UUID.randomUUID();
        Instant start = local(zone, localStart);
        String email = (client != null) ? client : "client-" + bookingId.toString().substring(0, 8) + "@example.com";
        BookingDetails booking = new BookingDetails(new BookingDetails.Client("Ada Lovelace", email, zone), "CST_60", 60,
                45, start, start.plus(Duration.ofMinutes(60)), "CONFIRMED", false,
                URI.create("http://localhost:8081/bookings/" + bookingId + "/manage?token=abc"), series);
        BookingConfirmed event = new BookingConfirmed(UUID.randomUUID(), bookingId, 1, clock.instant(), booking, false);
        if (publish) {
            events.publish(event);
        }
        return event;
    }

    static BookingDetails details(BookingDetails booking, Instant start, String status) {
        return new BookingDetails(booking.client(), booking.sessionType(), booking.bookedMinutes(),
                booking.handsOnMinutes(), start, start.plus(Duration.ofMinutes(booking.bookedMinutes())), status,
                booking.newsletterOptIn(), booking.manageUrl(), booking.series());
    }

    /** The steps of a booking's chain that are scheduled, each with its due time in the client's zone. */
    Map<String, String> scheduledSteps(UUID bookingId) {
        awaitSteps(bookingId, 4);
        return timeline(bookingId).get("notifications").valueStream()
            .filter((step) -> step.get("status").asString().equals("SCHEDULED"))
            .collect(Collectors.toMap((step) -> step.get("kind").asString(),
                    (step) -> step.get("dueAtLocal").asString().replace(":00-", "-").replace(":00+", "+")));
    }

    void awaitSteps(UUID bookingId, int count) {
        await().atMost(Waits.STEP).until(() -> this.jdbc.sql("select count(*) from notification where booking_id = ? and kind not like 'BOOKING_%'")
            .param(bookingId).query(Integer.class).single() >= count);
    }

    JsonNode timeline(UUID bookingId) {
        String body = this.http.get().uri("/api/bookings/{id}/notifications", bookingId)
            .headers((headers) -> headers.setBasicAuth("staff", PASSWORD)).exchange()
            .expectStatus().isOk()
            .expectBody(String.class).returnResult().getResponseBody();
        return this.json.readTree(body);
    }

    static JsonNode step(JsonNode timeline, String kind) {
        return timeline.get("notifications").valueStream().filter((step) -> step.get("kind").asString().equals(kind))
            .reduce((first, later) -> later).orElseThrow();
    }

    /**
     * Sets the clock, and wakes db-scheduler: it waits for the clock between polls, and a clock set back (for the
     * next test) would otherwise keep it waiting for months.
     */
    void setClock(Instant instant) {
        clock.set(instant);
        this.scheduler.triggerCheckForDueExecutions();
    }

    UUID stepId(UUID bookingId, String kind) {
        return this.jdbc.sql("select id from notification where booking_id = ? and kind = ?").params(bookingId, kind)
            .query((rs, row) -> rs.getObject(1, UUID.class)).single();
    }

    List<Instant> executionTimes(UUID bookingId) {
        return this.jdbc.sql("select t.execution_time from scheduled_tasks t join notification n "
                + "on t.task_instance = n.id::text where n.booking_id = ?")
            .param(bookingId).query(Timestamp.class).list().stream().map(Timestamp::toInstant).toList();
    }

    List<String> statuses(UUID bookingId) {
        return this.jdbc.sql("select status from notification where booking_id = ?").param(bookingId)
            .query(String.class).list();
    }

    boolean handled(UUID eventId) {
        return this.jdbc.sql("select count(*) from processed_event where event_id = ?").param(eventId)
            .query(Integer.class).single() == 1;
    }

    static String text(MimeMessage email) throws Exception {
        return EmailParts.text(email);
    }

    static Instant local(String zone, String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of(zone)).toInstant();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class ControllableClock {

        @Bean
        @Primary
        MutableClock testClock() {
            return clock;
        }

    }

}
