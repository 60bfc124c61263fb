package dev.stillpoint.notification.reminder;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.stillpoint.embedded.ReceivedEmails;
import dev.stillpoint.embedded.Waits;
import dev.stillpoint.events.booking.BookingCancelled;
import dev.stillpoint.events.booking.BookingConfirmed;
import dev.stillpoint.events.booking.BookingDetails;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The chain of care as it arrives: each step at the SMTP server when due, exactly once and none after a cancel; one
 * email rather than two for a booking made hours ahead; taken up again after an instance died; skipped once too late.
 */
class ReminderDeliveryIntegrationTests extends ReminderTestBase {

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

}
