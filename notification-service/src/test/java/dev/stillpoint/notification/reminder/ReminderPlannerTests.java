package dev.stillpoint.notification.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When each step of the chain falls, in the client's own time, across clock changes and around quiet hours. */
class ReminderPlannerTests {

    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static final ReminderProperties DEFAULTS = new ReminderProperties(Duration.ofHours(24), Duration.ofHours(1),
            LocalTime.of(8, 0), Duration.ofHours(2), Duration.ofHours(2), Duration.ofDays(3),
            new ReminderProperties.QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)), Duration.ofHours(12));

    /** A week before the US clocks go forward (Sunday 14 March 2027). */
    static final Instant WEEK_BEFORE = Instant.parse("2027-03-07T12:00:00Z");

    final ReminderPlanner planner = new ReminderPlanner(DEFAULTS);

    @Test
    void mondayAfterUsSpringForwardGetsEveryStepAtItsWallClockTime() {
        Map<ReminderKind, String> steps = plan(NEW_YORK, "2027-03-15T11:00", 60, WEEK_BEFORE);
        assertThat(steps).containsExactlyInAnyOrderEntriesOf(Map.of(
                ReminderKind.HYDRATION_REMINDER, "2027-03-14T11:00-04:00",
                ReminderKind.MORNING_OF, "2027-03-15T08:00-04:00",
                ReminderKind.AFTERCARE, "2027-03-15T14:00-04:00",
                ReminderKind.INTEGRATION_CHECK_IN, "2027-03-18T12:00-04:00"));
    }

    @Test
    void aDayBeforeMeansTheSameClockTimeEvenWhenTheClocksChangeOvernight() {
        // Sunday 14 March 2027 in Los Angeles is 23 hours long: 24 h of elapsed time would say 09:00 on Saturday
        assertThat(plan(LOS_ANGELES, "2027-03-14T10:00", 60, WEEK_BEFORE))
            .containsEntry(ReminderKind.HYDRATION_REMINDER, "2027-03-13T10:00-08:00");
        // three days after Thursday 11:00 PST is Sunday 11:00 PDT, not 12:00
        assertThat(plan(LOS_ANGELES, "2027-03-11T10:00", 60, WEEK_BEFORE))
            .containsEntry(ReminderKind.INTEGRATION_CHECK_IN, "2027-03-14T11:00-07:00");
        // Europe goes forward two weeks later, on Sunday 28 March
        Map<ReminderKind, String> berlin = plan(BERLIN, "2027-03-29T10:00", 75, WEEK_BEFORE);
        assertThat(berlin).containsEntry(ReminderKind.HYDRATION_REMINDER, "2027-03-28T10:00+02:00")
            .containsEntry(ReminderKind.AFTERCARE, "2027-03-29T13:15+02:00");
        assertThat(plan(BERLIN, "2027-03-28T10:00", 60, WEEK_BEFORE))
            .containsEntry(ReminderKind.HYDRATION_REMINDER, "2027-03-27T10:00+01:00");
        // and in the autumn the night before a Monday session in New York is 25 hours long
        assertThat(plan(NEW_YORK, "2027-11-08T10:00", 60, Instant.parse("2027-11-01T12:00:00Z")))
            .containsEntry(ReminderKind.HYDRATION_REMINDER, "2027-11-07T10:00-05:00");
    }

    @Test
    void reminderInQuietHoursMovesToTheNearestAllowedTimeBeforeTheSession() {
        // 07:30 the day before is quiet: 08:00 is half an hour away, 21:00 the evening before is ten and a half
        assertThat(plan(BERLIN, "2027-06-10T07:30", 60, WEEK_BEFORE))
            .containsEntry(ReminderKind.HYDRATION_REMINDER, "2027-06-09T08:00+02:00");
        // 21:30 the day before: 21:00 is nearer than the next morning
        assertThat(plan(BERLIN, "2027-06-10T21:30", 60, WEEK_BEFORE))
            .containsEntry(ReminderKind.HYDRATION_REMINDER, "2027-06-09T21:00+02:00");
    }

    @Test
    void aftercareAndCheckInInQuietHoursWaitForTheMorning() {
        Map<ReminderKind, String> steps = plan(NEW_YORK, "2027-06-10T19:00", 60, WEEK_BEFORE);
        assertThat(steps).containsEntry(ReminderKind.AFTERCARE, "2027-06-11T08:00-04:00")
            .containsEntry(ReminderKind.INTEGRATION_CHECK_IN, "2027-06-13T20:00-04:00");
        assertThat(plan(NEW_YORK, "2027-06-10T20:30", 60, WEEK_BEFORE))
            .containsEntry(ReminderKind.INTEGRATION_CHECK_IN, "2027-06-14T08:00-04:00");
    }

    @Test
    void aBookingMadeAfterItsReminderTimeIsNotRemindedOnTheHeelsOfItsConfirmation() {
        Instant now = local(BERLIN, "2027-06-10T12:00");
        List<PlannedStep> steps = this.planner.plan(local(BERLIN, "2027-06-10T18:00"), local(BERLIN, "2027-06-10T19:00"),
                BERLIN, now);
        assertThat(steps.get(0).kind()).isEqualTo(ReminderKind.HYDRATION_REMINDER);
        assertThat(steps.get(0).skipReason())
            .isEqualTo("its time had passed when the booking was confirmed; the confirmation says how to prepare");
        assertThat(steps.get(1).skipReason())
            .isEqualTo("its time had passed when the booking was confirmed; the confirmation says how to prepare");
        // the rest of the chain stays
        assertThat(steps.get(2)).isEqualTo(PlannedStep.due(ReminderKind.AFTERCARE, local(BERLIN, "2027-06-10T21:00")));
        assertThat(steps.get(3).isSkipped()).isFalse();
    }

    @Test
    void aReminderDueWithinTheGapAfterTheConfirmationIsFoldedIntoIt() {
        // booked at 20:00 for 14:00 the next day: the reminder would come at 14:00 today (passed), the morning note at
        // 08:00 tomorrow, 12 h after the confirmation: both folded
        Instant now = local(BERLIN, "2027-06-09T20:00");
        List<PlannedStep> steps = this.planner.plan(local(BERLIN, "2027-06-10T14:00"), local(BERLIN, "2027-06-10T15:00"),
                BERLIN, now);
        assertThat(steps.get(1).kind()).isEqualTo(ReminderKind.MORNING_OF);
        assertThat(steps.get(1).skipReason()).isEqualTo("due within 12 h of the confirmation, which says how to prepare");
        // booked at 19:59 instead, the morning note comes 12 h and a minute later: sent
        assertThat(plan(BERLIN, "2027-06-10T14:00", 60, local(BERLIN, "2027-06-09T19:59")))
            .containsEntry(ReminderKind.MORNING_OF, "2027-06-10T08:00+02:00")
            .doesNotContainKey(ReminderKind.HYDRATION_REMINDER);
        // booked two days ahead, every step comes
        assertThat(plan(BERLIN, "2027-06-10T14:00", 60, local(BERLIN, "2027-06-08T14:00")))
            .containsKeys(ReminderKind.values());
    }

    @Test
    void aReminderMovedOutOfQuietHoursIsStillFoldedIfItWouldComeTooSoon() {
        // 07:00 the day before is quiet; 08:00 is nearer than 21:00 the evening before, and within 12 h of a booking
        // made at 21:30 the evening before that
        Instant now = local(BERLIN, "2027-06-08T21:30");
        assertThat(this.planner.plan(local(BERLIN, "2027-06-10T07:00"), local(BERLIN, "2027-06-10T08:00"), BERLIN, now)
            .get(0).skipReason()).isEqualTo("due within 12 h of the confirmation, which says how to prepare");
    }

    @Test
    void noReminderOnceTheSessionIsWithinTheMinimumLead() {
        Instant now = local(BERLIN, "2027-06-10T09:15");
        List<PlannedStep> steps = this.planner.plan(local(BERLIN, "2027-06-10T10:00"), local(BERLIN, "2027-06-10T11:00"),
                BERLIN, now);
        assertThat(steps.get(0).isSkipped()).isTrue();
        assertThat(steps.get(1).skipReason()).isEqualTo("the session starts no more than 2 h after 08:00");
        assertThat(steps.get(2).isSkipped()).isFalse();
    }

    @Test
    void aShortConfiguredReminderOffsetIsHonouredEvenBelowTheMinimumLead() {
        ReminderProperties minutes = new ReminderProperties(Duration.ofMinutes(5), Duration.ofHours(1), LocalTime.of(8, 0),
                Duration.ofHours(2), Duration.ofHours(2), Duration.ofDays(3), DEFAULTS.quietHours(), Duration.ZERO);
        Instant now = local(BERLIN, "2027-06-10T14:00");
        List<PlannedStep> steps = new ReminderPlanner(minutes).plan(local(BERLIN, "2027-06-10T14:15"),
                local(BERLIN, "2027-06-10T15:15"), BERLIN, now);
        assertThat(steps.get(0)).isEqualTo(PlannedStep.due(ReminderKind.HYDRATION_REMINDER, local(BERLIN, "2027-06-10T14:10")));
    }

    @Test
    void morningNoteOnlyWhenTheSessionIsMoreThanTwoHoursAfterIt() {
        assertThat(plan(BERLIN, "2027-06-10T10:15", 60, WEEK_BEFORE)).containsKey(ReminderKind.MORNING_OF);
        assertThat(plan(BERLIN, "2027-06-10T10:00", 60, WEEK_BEFORE)).doesNotContainKey(ReminderKind.MORNING_OF);
    }

    @Test
    void noStepsForASessionThatIsOver() {
        Instant now = Instant.parse("2027-07-01T12:00:00Z");
        assertThat(this.planner.plan(local(BERLIN, "2027-06-10T10:00"), local(BERLIN, "2027-06-10T11:00"), BERLIN, now))
            .allMatch(PlannedStep::isSkipped);
    }

    /** The steps that will be sent, each at its local time in {@code zone}. */
    private Map<ReminderKind, String> plan(ZoneId zone, String localStart, int minutes, Instant now) {
        Instant start = local(zone, localStart);
        return this.planner.plan(start, start.plus(Duration.ofMinutes(minutes)), zone, now).stream()
            .filter((step) -> !step.isSkipped())
            .collect(Collectors.toMap(PlannedStep::kind, (step) -> step.dueAt().atZone(zone).toOffsetDateTime().toString()));
    }

    private static Instant local(ZoneId zone, String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

}
