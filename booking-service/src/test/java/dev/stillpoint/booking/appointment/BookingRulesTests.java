package dev.stillpoint.booking.appointment;

import java.net.URI;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.UUID;

import dev.stillpoint.booking.session.SessionType;
import dev.stillpoint.support.practice.PracticeProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BookingRulesTests {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** Wednesday 4 March 2026, 12:00 in London. */
    private static final Instant NOW = ZonedDateTime.of(2026, 3, 4, 12, 0, 0, 0, LONDON).toInstant();

    private final BookingRules rules = new BookingRules(new BookingProperties(
            new BookingProperties.OpeningHours(Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY),
                    LocalTime.of(9, 0), LocalTime.of(18, 0)),
            Duration.ofMinutes(15), Duration.ofDays(90), URI.create("http://localhost"), "secret", Duration.ofHours(24), 12),
            new PracticeProperties("Practice", "Maya", "hello@example.com", "12 Quiet Lane", "020 7946 0000", LONDON),
            Clock.fixed(NOW, LONDON));

    @Test
    void acceptsASessionInsideOpeningHours() {
        assertThatCode(() -> this.rules.checkStart(london(2026, 3, 5, 9, 0), SessionType.CST_75)).doesNotThrowAnyException();
        assertThatCode(() -> this.rules.checkStart(london(2026, 3, 5, 16, 45), SessionType.CST_75)).doesNotThrowAnyException();
    }

    @Test
    void refusesStartsInThePastOrNow() {
        assertThatThrownBy(() -> this.rules.checkStart(NOW, SessionType.CST_60))
            .isInstanceOf(BookingRuleViolation.class).hasMessageContaining("future");
        assertThatThrownBy(() -> this.rules.checkStart(london(2026, 3, 4, 9, 0), SessionType.CST_60))
            .hasMessageContaining("future");
    }

    @Test
    void refusesSessionsThatDoNotFitTheOpeningHours() {
        // ends at 18:15
        assertThatThrownBy(() -> this.rules.checkStart(london(2026, 3, 5, 17, 0), SessionType.CST_75))
            .hasMessageContaining("Monday, Wednesday, Thursday, 09:00 to 18:00 (Europe/London)");
        assertThatThrownBy(() -> this.rules.checkStart(london(2026, 3, 5, 8, 45), SessionType.CST_60))
            .isInstanceOf(BookingRuleViolation.class);
        // Friday: closed
        assertThatThrownBy(() -> this.rules.checkStart(london(2026, 3, 6, 10, 0), SessionType.CST_60))
            .isInstanceOf(BookingRuleViolation.class);
    }

    @Test
    void openingHoursFollowThePracticeClockAcrossDaylightSaving() {
        // Monday 30 March 2026, after the UK moved to BST: 09:00 local is 08:00 UTC
        Instant nineLocal = london(2026, 3, 30, 9, 0);
        assertThatCode(() -> this.rules.checkStart(nineLocal, SessionType.CST_60)).doesNotThrowAnyException();
        assertThatThrownBy(() -> this.rules.checkStart(nineLocal.minus(Duration.ofHours(1)), SessionType.CST_60))
            .isInstanceOf(BookingRuleViolation.class);
    }

    @Test
    void refusesStartsOffTheSlotGridAndTooFarAhead() {
        assertThatThrownBy(() -> this.rules.checkStart(london(2026, 3, 5, 10, 10), SessionType.CST_60))
            .hasMessageContaining("15-minute mark");
        assertThatThrownBy(() -> this.rules.checkStart(london(2026, 3, 5, 10, 0).plusSeconds(1), SessionType.CST_60))
            .hasMessageContaining("15-minute mark");
        assertThatThrownBy(() -> this.rules.checkStart(london(2026, 7, 1, 10, 0), SessionType.CST_60))
            .hasMessageContaining("90 days ahead");
    }

    @Test
    void clientsMayChangeABookingOnlineUntilTheNoticePeriodBegins() {
        Booking dayAfterTomorrow = booking(NOW.plus(Duration.ofHours(24)).plusSeconds(60), BookingStatus.CONFIRMED);
        Booking tomorrow = booking(NOW.plus(Duration.ofHours(24)), BookingStatus.PENDING_REVIEW);
        assertThat(this.rules.changeableOnline(dayAfterTomorrow)).isTrue();
        assertThat(this.rules.changeableOnline(tomorrow)).isFalse();
        assertThat(this.rules.changeableOnline(booking(NOW.plus(Duration.ofDays(3)), BookingStatus.DECLINED))).isFalse();
        assertThatCode(() -> this.rules.checkNotice(dayAfterTomorrow, "cancelled")).doesNotThrowAnyException();
        assertThatThrownBy(() -> this.rules.checkNotice(tomorrow, "cancelled"))
            .isInstanceOf(BookingConflictException.class)
            .hasMessage("Your session starts within 24 hours, so it can no longer be cancelled online. "
                    + "Please call the practice.");
    }

    private static Booking booking(Instant start, BookingStatus status) {
        return new Booking(UUID.randomUUID(), new Client("Ada", "ada@example.com", LONDON), SessionType.CST_60, start,
                status, false, new Screening(false, false, false, false), null, 1, NOW, NOW);
    }

    private static Instant london(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, LONDON).toInstant();
    }

}
