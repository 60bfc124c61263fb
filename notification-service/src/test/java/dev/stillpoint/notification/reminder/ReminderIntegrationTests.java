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
import dev.stillpoint.embedded.ReceivedEmails;
import dev.stillpoint.embedded.Waits;
import dev.stillpoint.events.booking.BookingCancelled;
import dev.stillpoint.events.booking.BookingConfirmed;
import dev.stillpoint.events.booking.BookingDetails;
import dev.stillpoint.events.booking.BookingEvent;
import dev.stillpoint.events.booking.BookingHeldForReview;
import dev.stillpoint.events.booking.BookingRescheduled;
import dev.stillpoint.notification.EmailParts;
import dev.stillpoint.notification.IntegrationTestBase;
import dev.stillpoint.notification.MutableClock;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The chain of care over real Kafka, PostgreSQL, db-scheduler and SMTP, on a clock the test moves: planned at the
 * client's local times, moved by a reschedule, emptied by a cancellation, deaf to stale events, and delivered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "db-scheduler.polling-interval=200ms",
        "db-scheduler.heartbeat-interval=1s", "stillpoint.staff.password=" + ReminderIntegrationTests.PASSWORD })
@AutoConfigureRestTestClient
class ReminderIntegrationTests extends IntegrationTestBase {

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

    @Test
    void chainIsPlannedAtEachClientsLocalTimesThroughTheDaylightSavingChanges() {
        setClock(Instant.parse("2027-03-07T12:00:00Z"));
        // Sunday 14 March 2027: the US clocks go forward at 02:00; Europe follows on Sunday 28 March
        UUID losAngeles = confirm("America/Los_Angeles", "2027-03-14T11:00", null).bookingId();
        UUID newYork = confirm("America/New_York", "2027-03-15T11:00", null).bookingId();
        UUID berlin = confirm("Europe/Berlin", "2027-03-29T11:00", null).bookingId();

        assertThat(scheduledSteps(losAngeles)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "HYDRATION_REMINDER", "2027-03-13T11:00-08:00", "MORNING_OF", "2027-03-14T08:00-07:00",
                "AFTERCARE", "2027-03-14T14:00-07:00", "INTEGRATION_CHECK_IN", "2027-03-17T12:00-07:00"));
        assertThat(scheduledSteps(newYork)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "HYDRATION_REMINDER", "2027-03-14T11:00-04:00", "MORNING_OF", "2027-03-15T08:00-04:00",
                "AFTERCARE", "2027-03-15T14:00-04:00", "INTEGRATION_CHECK_IN", "2027-03-18T12:00-04:00"));
        assertThat(scheduledSteps(berlin)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "HYDRATION_REMINDER", "2027-03-28T11:00+02:00", "MORNING_OF", "2027-03-29T08:00+02:00",
                "AFTERCARE", "2027-03-29T14:00+02:00", "INTEGRATION_CHECK_IN", "2027-04-01T12:00+02:00"));

        JsonNode hydration = step(timeline(losAngeles), "HYDRATION_REMINDER");
        assertThat(hydration.get("dueAt").asString()).isEqualTo("2027-03-13T19:00:00Z");
        assertThat(executionTimes(losAngeles)).containsExactlyInAnyOrder(Instant.parse("2027-03-13T19:00:00Z"),
                Instant.parse("2027-03-14T15:00:00Z"), Instant.parse("2027-03-14T21:00:00Z"),
                Instant.parse("2027-03-17T19:00:00Z"));
    }

    @Test
    void rescheduleMovesTheChainStaleEventsChangeNothingAndCancelEmptiesIt() {
        setClock(Instant.parse("2027-03-07T12:00:00Z"));
        BookingConfirmed confirmed = confirm("America/New_York", "2027-03-15T11:00", null);
        UUID bookingId = confirmed.bookingId();
        awaitSteps(bookingId, 4);
        Instant newStart = local("America/New_York", "2027-03-17T15:00");
        events.publish(new BookingRescheduled(UUID.randomUUID(), bookingId, 2, clock.instant(),
                details(confirmed.booking(), newStart, "CONFIRMED"), confirmed.booking().startsAt()));

        Map<String, String> moved = Map.of("HYDRATION_REMINDER", "2027-03-16T15:00-04:00", "MORNING_OF",
                "2027-03-17T08:00-04:00", "AFTERCARE", "2027-03-17T18:00-04:00", "INTEGRATION_CHECK_IN",
                "2027-03-20T16:00-04:00");
        await().atMost(Waits.STEP).untilAsserted(() -> assertThat(scheduledSteps(bookingId)).isEqualTo(moved));
        JsonNode timeline = timeline(bookingId);
        assertThat(timeline.get("notifications").valueStream()
            .filter((step) -> step.get("bookingVersion").asLong() == 1 && !step.get("kind").asString().startsWith("BOOKING_")))
            .hasSize(4)
            .allSatisfy((step) -> {
                assertThat(step.get("status").asString()).isEqualTo("CANCELLED");
                assertThat(step.get("reason").asString()).isEqualTo("the session was moved; see the steps planned for version 2");
            });
        assertThat(executionTimes(bookingId)).hasSize(4).doesNotContain(Instant.parse("2027-03-14T15:00:00Z"));

        // replayed old versions, under new event ids: recorded as handled, and nothing else
        BookingEvent staleConfirmed = new BookingConfirmed(UUID.randomUUID(), bookingId, 1, clock.instant(),
                confirmed.booking(), false);
        BookingEvent staleRescheduled = new BookingRescheduled(UUID.randomUUID(), bookingId, 2, clock.instant(),
                details(confirmed.booking(), local("America/New_York", "2027-03-19T15:00"), "CONFIRMED"),
                newStart);
        events.publish(staleConfirmed);
        events.publish(staleRescheduled);
        await().atMost(Waits.STEP).until(() -> handled(staleConfirmed.eventId()) && handled(staleRescheduled.eventId()));
        assertThat(timeline(bookingId)).isEqualTo(timeline);
        assertThat(scheduledSteps(bookingId)).isEqualTo(moved);

        events.publish(new BookingCancelled(UUID.randomUUID(), bookingId, 3, clock.instant(),
                details(confirmed.booking(), newStart, "CANCELLED")));
        await().atMost(Waits.STEP).untilAsserted(() -> assertThat(scheduledSteps(bookingId)).isEmpty());
        assertThat(executionTimes(bookingId)).isEmpty();
        assertThat(step(timeline(bookingId), "BOOKING_CANCELLED").get("status").asString()).isIn("PENDING", "SENT");
    }

    @Test
    void heldBookingGetsNoRemindersUntilItIsApproved() {
        setClock(Instant.parse("2027-03-07T12:00:00Z"));
        BookingConfirmed request = confirm("Europe/Berlin", "2027-03-17T11:00", null, false);
        UUID bookingId = request.bookingId();
        BookingDetails held = details(request.booking(), request.booking().startsAt(), "PENDING_REVIEW");
        events.publish(new BookingHeldForReview(UUID.randomUUID(), bookingId, 1, clock.instant(), held));
        // the client is told, and so is the practice
        await().atMost(Waits.STEP).until(() -> statuses(bookingId).size() == 2);
        assertThat(timeline(bookingId).get("notifications").valueStream().map((step) -> step.get("kind").asString()))
            .containsExactlyInAnyOrder("BOOKING_HELD", "STAFF_BOOKING_HELD");
        assertThat(executionTimes(bookingId)).isEmpty();

        events.publish(new BookingConfirmed(UUID.randomUUID(), bookingId, 2, clock.instant(), request.booking(), true));
        assertThat(scheduledSteps(bookingId)).containsOnlyKeys("HYDRATION_REMINDER", "MORNING_OF", "AFTERCARE",
                "INTEGRATION_CHECK_IN");
        assertThat(executionTimes(bookingId)).hasSize(4);
    }

    @Test
    void eachStepArrivesAtTheSmtpServerWhenDueExactlyOnceAndNoneAfterACancel() throws Exception {
        setClock(Instant.parse("2027-06-07T06:00:00Z"));
        UUID series = UUID.randomUUID();
        BookingConfirmed booking = confirm("Europe/Berlin", "2027-06-09T11:00", new BookingDetails.Series(series, 1, 2));
        confirm("Europe/Berlin", "2027-06-16T11:00", new BookingDetails.Series(series, 2, 2), true,
                booking.booking().client().email());
        BookingConfirmed cancelled = confirm("Europe/Berlin", "2027-06-09T11:00", null);
        events.publish(new BookingCancelled(UUID.randomUUID(), cancelled.bookingId(), 2, clock.instant(),
                details(cancelled.booking(), cancelled.booking().startsAt(), "CANCELLED")));
        String client = booking.booking().client().email();
        awaitEmails(client, 1);
        await().atMost(Waits.STEP).untilAsserted(() -> assertThat(scheduledSteps(cancelled.bookingId())).isEmpty());

        setClock(local("Europe/Berlin", "2027-06-08T11:00"));
        MimeMessage hydration = awaitEmails(client, 2).get(1);
        assertThat(hydration.getSubject())
            .isEqualTo("Your CranioSacral session on Wednesday 9 June 2027 at 11:00: drink plenty of water");
        assertThat(ReceivedEmails.source(hydration)).contains("multipart/alternative", "text/html");
        assertThat(text(hydration)).contains("drink water steadily through the day", "no belts, buttons or tight jeans",
                "Bring a bottle of water for after", booking.booking().manageUrl().toString());

        setClock(local("Europe/Berlin", "2027-06-09T08:00"));
        assertThat(awaitEmails(client, 3).get(2).getSubject()).isEqualTo("Today at 11:00: your CranioSacral session");

        setClock(local("Europe/Berlin", "2027-06-09T14:00"));
        MimeMessage aftercare = awaitEmails(client, 4).get(3);
        assertThat(aftercare.getSubject()).isEqualTo("After your session: be gentle with yourself");
        assertThat(text(aftercare)).contains("Be gentle with yourself", "Keep drinking water",
                "Rest or move as your body asks", "keeps integrating for a couple of days");

        setClock(local("Europe/Berlin", "2027-06-12T12:00"));
        MimeMessage checkIn = awaitEmails(client, 5).get(4);
        assertThat(checkIn.getSubject()).isEqualTo("How are you, a few days on?");
        assertThat(text(checkIn)).contains("Your next session in the series is on Wednesday 16 June 2027, 11:00–12:00");

        // the confirmation redelivered, and replayed under a new event id: nothing is planned or sent again
        BookingConfirmed replayed = new BookingConfirmed(UUID.randomUUID(), booking.bookingId(), 1, clock.instant(),
                booking.booking(), false);
        events.publish(booking);
        events.publish(replayed);
        await().atMost(Waits.STEP).until(() -> handled(replayed.eventId()));
        // the series' one confirmation, then the four steps of the first session, each as its timeline says
        List<MimeMessage> received = awaitEmails(client, 5);
        assertThat(received.get(0).getSubject()).startsWith("Confirmed: your weekly series of 2 CranioSacral sessions");
        JsonNode timeline = timeline(booking.bookingId());
        assertThat(received.subList(1, 5)).extracting(MimeMessage::getMessageID).doesNotHaveDuplicates()
            .containsExactlyElementsOf(timeline.get("notifications").valueStream()
                .filter((step) -> !step.get("kind").asString().equals("BOOKING_CONFIRMED"))
                .map((step) -> step.get("messageId").asString()).toList());
        assertThat(timeline.get("notifications").valueStream()
            .map((step) -> step.get("kind").asString() + " " + step.get("status").asString()))
            .containsExactly("BOOKING_CONFIRMED SKIPPED", "HYDRATION_REMINDER SENT", "MORNING_OF SENT", "AFTERCARE SENT",
                    "INTEGRATION_CHECK_IN SENT");
        // the cancelled booking got its confirmation and its cancellation, and none of the four steps
        assertThat(awaitEmails(cancelled.booking().client().email(), 2)).extracting(MimeMessage::getSubject)
            .satisfiesExactly((first) -> assertThat(first).startsWith("Confirmed:"),
                    (second) -> assertThat(second).startsWith("Cancelled:"));
        assertThat(statuses(cancelled.bookingId())).containsOnly("SENT", "CANCELLED");
    }

    /**
     * Booked 6 hours ahead: the hydration reminder's time has passed and the morning note's too, so the client gets
     * the confirmation alone, not a reminder on its heels; the timeline says why, and aftercare still comes.
     */
    @Test
    void aBookingMadeSixHoursAheadGetsOneEmailNotTwoAndItsTimelineSaysWhy() throws Exception {
        setClock(local("Europe/Berlin", "2027-10-05T09:00"));
        BookingConfirmed booking = confirm("Europe/Berlin", "2027-10-05T15:00", null);
        String client = booking.booking().client().email();
        awaitSteps(booking.bookingId(), 4);
        JsonNode timeline = timeline(booking.bookingId());
        for (String kind : List.of("HYDRATION_REMINDER", "MORNING_OF")) {
            assertThat(step(timeline, kind).get("status").asString()).isEqualTo("SKIPPED");
            assertThat(step(timeline, kind).get("reason").asString())
                .isEqualTo("its time had passed when the booking was confirmed; the confirmation says how to prepare");
        }
        assertThat(step(timeline, "AFTERCARE").get("status").asString()).isEqualTo("SCHEDULED");

        // the next email the client gets is the aftercare, after the session: nothing came between
        setClock(local("Europe/Berlin", "2027-10-05T18:00"));
        assertThat(awaitEmails(client, 2)).extracting(MimeMessage::getSubject).satisfiesExactly(
                (first) -> assertThat(first).startsWith("Confirmed:"),
                (second) -> assertThat(second).isEqualTo("After your session: be gentle with yourself"));
    }

    @Test
    void aReminderWhoseInstanceDiedWhileReleasingItIsPickedUpAgain() throws Exception {
        setClock(Instant.parse("2027-09-06T06:00:00Z"));
        BookingConfirmed booking = confirm("Europe/Berlin", "2027-09-08T10:00", null);
        awaitSteps(booking.bookingId(), 4);
        UUID hydration = stepId(booking.bookingId(), "HYDRATION_REMINDER");
        // another instance picked the execution, then died without a word
        this.jdbc.sql("update scheduled_tasks set picked = true, picked_by = 'crashed-instance', last_heartbeat = ?, "
                + "version = version + 1 where task_instance = ?")
            .params(Timestamp.from(local("Europe/Berlin", "2027-09-07T10:00")), hydration.toString()).update();

        setClock(local("Europe/Berlin", "2027-09-07T10:05"));
        List<MimeMessage> emails = awaitEmails(booking.booking().client().email(), 2);
        assertThat(emails.get(1).getMessageID()).isEqualTo(step(timeline(booking.bookingId()), "HYDRATION_REMINDER")
            .get("messageId").asString());
    }

    @Test
    void aReminderWhoseInstanceDiedWhileSendingItIsSentAgainWithTheSameMessageIdOnceTheClaimExpires() throws Exception {
        setClock(Instant.parse("2027-10-04T06:00:00Z"));
        BookingConfirmed booking = confirm("Europe/Berlin", "2027-10-06T11:00", null);
        awaitSteps(booking.bookingId(), 4);
        String client = booking.booking().client().email();
        awaitEmails(client, 1);
        UUID hydration = stepId(booking.bookingId(), "HYDRATION_REMINDER");
        Instant due = local("Europe/Berlin", "2027-10-05T11:00");
        // released, then claimed by an instance that died before the SMTP server had the message
        this.jdbc.sql("delete from scheduled_tasks where task_instance = ?").param(hydration.toString()).update();
        this.jdbc.sql("update notification set status = 'PENDING', next_attempt_at = ?, claimed_until = ?, attempts = 1 "
                + "where id = ?")
            .params(Timestamp.from(due), Timestamp.from(due.plus(Duration.ofMinutes(2))), hydration).update();

        setClock(due.plus(Duration.ofMinutes(2)).plusSeconds(1));
        MimeMessage resent = awaitEmails(client, 2).get(1);
        JsonNode step = step(timeline(booking.bookingId()), "HYDRATION_REMINDER");
        assertThat(resent.getMessageID()).isEqualTo(step.get("messageId").asString());
        assertThat(step.get("attempts").asInt()).isEqualTo(2);
        assertThat(step.get("status").asString()).isEqualTo("SENT");
    }

    @Test
    void aReminderThatCouldOnlyBeSentAfterTheSessionBeganIsSkipped() throws Exception {
        setClock(Instant.parse("2027-11-01T06:00:00Z"));
        BookingConfirmed booking = confirm("Europe/Berlin", "2027-11-03T11:00", null);
        awaitSteps(booking.bookingId(), 4);
        awaitEmails(booking.booking().client().email(), 1);

        // the scheduler was down from the day before until the session was under way
        setClock(local("Europe/Berlin", "2027-11-03T11:30"));
        await().atMost(Waits.STEP).untilAsserted(() -> {
            JsonNode timeline = timeline(booking.bookingId());
            for (String kind : List.of("HYDRATION_REMINDER", "MORNING_OF")) {
                assertThat(step(timeline, kind).get("status").asString()).isEqualTo("SKIPPED");
                assertThat(step(timeline, kind).get("reason").asString()).startsWith("its time had passed");
            }
            assertThat(step(timeline, "AFTERCARE").get("status").asString()).isEqualTo("SCHEDULED");
        });
        awaitEmails(booking.booking().client().email(), 1);
    }

    @Test
    void remindersAreScheduledInTheTransactionOfTheirEventOrNotAtAll() {
        setClock(Instant.parse("2027-03-07T12:00:00Z"));
        BookingConfirmed event = confirm("Europe/London", "2027-03-17T11:00", null, false);
        this.transactions.executeWithoutResult((status) -> {
            this.reminders.plan(event);
            assertThat(this.jdbc.sql("select count(*) from scheduled_tasks t join notification n "
                    + "on t.task_instance = n.id::text where n.booking_id = ?").param(event.bookingId())
                .query(Integer.class).single()).as("inside the transaction").isEqualTo(4);
            status.setRollbackOnly();
        });
        assertThat(executionTimes(event.bookingId())).isEmpty();
        assertThat(statuses(event.bookingId())).isEmpty();
    }

    @Test
    void timelineIsForStaffOnlyAndSaysPlainlyWhenABookingIsUnknown() {
        this.http.get().uri("/api/bookings/{id}/notifications", UUID.randomUUID()).exchange()
            .expectStatus().isUnauthorized();
        this.http.get().uri("/api/bookings/{id}/notifications", UUID.randomUUID())
            .headers((headers) -> headers.setBasicAuth("staff", PASSWORD)).exchange()
            .expectStatus().isNotFound()
            .expectBody().jsonPath("$.title").isEqualTo("Booking not found");
        this.http.get().uri("/api/bookings/not-a-uuid/notifications")
            .headers((headers) -> headers.setBasicAuth("staff", PASSWORD)).exchange()
            .expectStatus().isBadRequest()
            .expectBody().jsonPath("$.status").isEqualTo(400);
    }

    private BookingConfirmed confirm(String zone, String localStart, BookingDetails.Series series) {
        return confirm(zone, localStart, series, true);
    }

    /** A confirmed booking, published unless {@code publish} is false. */
    private BookingConfirmed confirm(String zone, String localStart, BookingDetails.Series series, boolean publish) {
        return confirm(zone, localStart, series, publish, null);
    }

    /** A confirmed booking of {@code email} (one of its own if null), published unless {@code publish} is false. */
    private BookingConfirmed confirm(String zone, String localStart, BookingDetails.Series series, boolean publish,
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

    private static BookingDetails details(BookingDetails booking, Instant start, String status) {
        return new BookingDetails(booking.client(), booking.sessionType(), booking.bookedMinutes(),
                booking.handsOnMinutes(), start, start.plus(Duration.ofMinutes(booking.bookedMinutes())), status,
                booking.newsletterOptIn(), booking.manageUrl(), booking.series());
    }

    /** The steps of a booking's chain that are scheduled, each with its due time in the client's zone. */
    private Map<String, String> scheduledSteps(UUID bookingId) {
        awaitSteps(bookingId, 4);
        return timeline(bookingId).get("notifications").valueStream()
            .filter((step) -> step.get("status").asString().equals("SCHEDULED"))
            .collect(Collectors.toMap((step) -> step.get("kind").asString(),
                    (step) -> step.get("dueAtLocal").asString().replace(":00-", "-").replace(":00+", "+")));
    }

    private void awaitSteps(UUID bookingId, int count) {
        await().atMost(Waits.STEP).until(() -> this.jdbc.sql("select count(*) from notification where booking_id = ? and kind not like 'BOOKING_%'")
            .param(bookingId).query(Integer.class).single() >= count);
    }

    private JsonNode timeline(UUID bookingId) {
        String body = this.http.get().uri("/api/bookings/{id}/notifications", bookingId)
            .headers((headers) -> headers.setBasicAuth("staff", PASSWORD)).exchange()
            .expectStatus().isOk()
            .expectBody(String.class).returnResult().getResponseBody();
        return this.json.readTree(body);
    }

    private static JsonNode step(JsonNode timeline, String kind) {
        return timeline.get("notifications").valueStream().filter((step) -> step.get("kind").asString().equals(kind))
            .reduce((first, later) -> later).orElseThrow();
    }

    /**
     * Sets the clock, and wakes db-scheduler: it waits for the clock between polls, and a clock set back (for the
     * next test) would otherwise keep it waiting for months.
     */
    private void setClock(Instant instant) {
        clock.set(instant);
        this.scheduler.triggerCheckForDueExecutions();
    }

    private UUID stepId(UUID bookingId, String kind) {
        return this.jdbc.sql("select id from notification where booking_id = ? and kind = ?").params(bookingId, kind)
            .query((rs, row) -> rs.getObject(1, UUID.class)).single();
    }

    private List<Instant> executionTimes(UUID bookingId) {
        return this.jdbc.sql("select t.execution_time from scheduled_tasks t join notification n "
                + "on t.task_instance = n.id::text where n.booking_id = ?")
            .param(bookingId).query(Timestamp.class).list().stream().map(Timestamp::toInstant).toList();
    }

    private List<String> statuses(UUID bookingId) {
        return this.jdbc.sql("select status from notification where booking_id = ?").param(bookingId)
            .query(String.class).list();
    }

    private boolean handled(UUID eventId) {
        return this.jdbc.sql("select count(*) from processed_event where event_id = ?").param(eventId)
            .query(Integer.class).single() == 1;
    }

    private static String text(MimeMessage email) throws Exception {
        return EmailParts.text(email);
    }

    private static Instant local(String zone, String localDateTime) {
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
