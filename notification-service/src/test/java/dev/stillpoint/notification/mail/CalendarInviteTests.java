package dev.stillpoint.notification.mail;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarInviteTests {

    private static final Instant START = Instant.parse("2026-03-09T13:00:00Z");

    @Test
    void invitationCarriesStableUidSequenceAndUtcTimes() {
        String ics = invite(2, false, "Quiet Lane 12, London; Room 2").render();

        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n")
            .contains("METHOD:REQUEST\r\n", "UID:6f1c@stillpoint.example\r\n", "SEQUENCE:2\r\n",
                    "DTSTART:20260309T130000Z\r\n", "DTEND:20260309T140000Z\r\n", "STATUS:CONFIRMED\r\n",
                    "LOCATION:Quiet Lane 12\\, London\\; Room 2\r\n")
            .doesNotContain("\n\n");
        assertThat(ics.split("\r\n")).allSatisfy((line) -> assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
    }

    @Test
    void cancellationUsesMethodCancel() {
        CalendarInvite invite = invite(3, true, "Quiet Lane");
        assertThat(invite.render()).contains("METHOD:CANCEL\r\n", "STATUS:CANCELLED\r\n", "SEQUENCE:3\r\n");
        assertThat(invite.toAttachment().contentType()).isEqualTo("text/calendar; charset=UTF-8; method=CANCEL");
    }

    @Test
    void longLinesAreFoldedWithoutSplittingCharacters() {
        String description = "Préparez-vous: ".repeat(20);
        String ics = new CalendarInvite("u", 0, false, START, START, START.plusSeconds(3600), "s", description, "l",
                "Practice", "p@example.com", "Zoë", "z@example.com").render();
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded).contains("DESCRIPTION:" + description.replace(",", "\\,"));
    }

    private static CalendarInvite invite(long sequence, boolean cancelled, String location) {
        return new CalendarInvite("6f1c@stillpoint.example", sequence, cancelled, START.minusSeconds(86400), START,
                START.plusSeconds(3600), "CranioSacral therapy with Stillpoint", "Bring water; no belts, please.",
                location, "Stillpoint", "hello@stillpoint.example", "Ada Lovelace", "ada@example.com");
    }

}
