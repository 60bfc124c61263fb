package dev.stillpoint.booking.availability;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import dev.stillpoint.booking.IntegrationTestBase;
import dev.stillpoint.booking.appointment.Booking;
import dev.stillpoint.booking.appointment.BookingManagement;
import dev.stillpoint.booking.appointment.Client;
import dev.stillpoint.booking.appointment.NewBooking;
import dev.stillpoint.booking.appointment.Screening;
import dev.stillpoint.booking.appointment.TestSlots;
import dev.stillpoint.booking.session.SessionType;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Free times are opening hours on the slot grid minus every live booking, read from PostgreSQL. */
class AvailabilityIntegrationTests extends IntegrationTestBase {

    private static final Duration QUARTER = Duration.ofMinutes(15);

    @Autowired
    Availability availability;

    @Autowired
    BookingManagement bookings;

    @Test
    void aBookedSessionTakesEveryStartThatWouldOverlapIt() {
        Booking booked = book(SessionType.CST_60);
        Instant start = booked.startsAt();
        List<Instant> free = this.availability.freeStarts(SessionType.CST_75, 1, start.minus(Duration.ofHours(2)),
                start.plus(Duration.ofHours(2)), null);

        assertThat(free).doesNotContain(start.minus(QUARTER.multipliedBy(4)), start.minus(QUARTER), start,
                start.plus(QUARTER.multipliedBy(3)));
        assertThat(free).allSatisfy((time) -> {
            assertThat(time.atZone(TestSlots.PRACTICE).getMinute() % 15).isZero();
            assertThat(time.plus(SessionType.CST_75.length()).isAfter(start) && time.isBefore(booked.endsAt())).isFalse();
        });
        assertThat(this.availability.freeStarts(SessionType.CST_60, 1, start, start.plus(QUARTER), booked.id()))
            .as("the booking's own time, when moving it").containsExactly(start);
    }

    @Test
    void aSeriesIsOfferedOnlyTimesFreeInEveryWeek() {
        Booking booked = book(SessionType.CST_60);
        Instant weekBefore = booked.startsAt().atZone(TestSlots.PRACTICE).minusWeeks(1).toInstant();
        assertThat(this.availability.freeStarts(SessionType.CST_60, 1, weekBefore, weekBefore.plus(QUARTER), null))
            .containsExactly(weekBefore);
        assertThat(this.availability.freeStarts(SessionType.CST_60, 5, weekBefore, weekBefore.plus(QUARTER), null))
            .as("its second week is taken").isEmpty();
    }

    @Test
    void theNearestFreeTimesSurroundATakenOne() {
        Booking booked = book(SessionType.CST_60);
        List<Instant> nearest = this.availability.nearestFree(SessionType.CST_60, 1, booked.startsAt(), null, 4);
        assertThat(nearest).hasSize(4).isSorted().doesNotContain(booked.startsAt())
            .allSatisfy((time) -> assertThat(time).isBetween(booked.startsAt().minus(Duration.ofDays(7)),
                    booked.startsAt().plus(Duration.ofDays(7))));
    }

    @Test
    void closedDaysAndThePastOfferNothing() {
        Instant sunday = TestSlots.next().toInstant().atZone(TestSlots.PRACTICE)
            .with(DayOfWeek.SUNDAY).withHour(0).toInstant();
        assertThat(this.availability.freeStarts(SessionType.CST_60, 1, sunday, sunday.plus(Duration.ofDays(1)), null))
            .isEmpty();
        Instant now = Instant.now();
        assertThat(this.availability.freeStarts(SessionType.CST_60, 1, now.minus(Duration.ofDays(3)), now, null)).isEmpty();
    }

    private Booking book(SessionType type) {
        return this.bookings.book(new NewBooking(new Client("Free Times", "free@example.com", ZoneId.of("Europe/London")),
                type, TestSlots.next().toInstant(), false, new Screening(false, false, false, false)));
    }

}
