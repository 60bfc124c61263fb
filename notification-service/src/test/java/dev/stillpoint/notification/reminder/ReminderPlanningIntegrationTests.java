package dev.stillpoint.notification.reminder;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.stillpoint.embedded.Waits;
import dev.stillpoint.events.booking.BookingCancelled;
import dev.stillpoint.events.booking.BookingConfirmed;
import dev.stillpoint.events.booking.BookingDetails;
import dev.stillpoint.events.booking.BookingEvent;
import dev.stillpoint.events.booking.BookingHeldForReview;
import dev.stillpoint.events.booking.BookingRescheduled;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The chain of care as it is planned: at the client's local times through the daylight-saving changes, moved by a
 * reschedule, emptied by a cancellation, deaf to stale events, none for a held booking, planned in the transaction of
 * its event; and the timeline that shows it to staff.
 */
class ReminderPlanningIntegrationTests extends ReminderTestBase {

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

}
