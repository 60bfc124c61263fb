package dev.stillpoint.notification.mail;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SessionTimesTests {

    @Test
    void showsTheClientsLocalTimeAndNamesTheZone() {
        Instant start = Instant.parse("2026-03-06T14:00:00Z");
        SessionTimes newYork = SessionTimes.of(start, start.plusSeconds(3600), ZoneId.of("America/New_York"));
        assertThat(newYork.date()).isEqualTo("Friday 6 March 2026");
        assertThat(newYork.time()).isEqualTo("09:00–10:00");
        assertThat(newYork.zone()).isEqualTo("Eastern Standard Time (America/New_York)");
        assertThat(newYork.startDescription()).isEqualTo("Friday 6 March 2026 at 09:00 Eastern Standard Time (America/New_York)");
    }

    @Test
    void followsDaylightSavingTime() {
        // Monday 9 March 2026: the day after the US clocks went forward
        Instant start = Instant.parse("2026-03-09T13:00:00Z");
        SessionTimes newYork = SessionTimes.of(start, start.plusSeconds(4500), ZoneId.of("America/New_York"));
        assertThat(newYork.time()).isEqualTo("09:00–10:15");
        assertThat(newYork.zone()).isEqualTo("Eastern Daylight Time (America/New_York)");
        SessionTimes berlin = SessionTimes.of(start, start.plusSeconds(3600), ZoneId.of("Europe/Berlin"));
        assertThat(berlin.time()).isEqualTo("14:00–15:00");
        assertThat(berlin.zone()).isEqualTo("Central European Standard Time (Europe/Berlin)");
    }

}
