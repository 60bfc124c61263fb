package dev.stillpoint.notification.mail;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import dev.stillpoint.embedded.fuzz.HostileInput;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names, places and notes full of line breaks, quotes, markup and any unicode never break out of their line of the
 * invitation: every line ends in CRLF, every physical line is a property or a fold, and the event has exactly the
 * properties it is written with.
 */
class CalendarInviteFuzzTests {

    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    private static final Pattern PROPERTY = Pattern.compile("^[A-Z-]+[;:].*", Pattern.DOTALL);

    private static final List<String> NAMES = List.of("BEGIN", "VERSION", "PRODID", "CALSCALE", "METHOD", "BEGIN", "UID",
            "SEQUENCE", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "LOCATION", "ORGANIZER", "ATTENDEE",
            "STATUS", "TRANSP", "END", "END");

    @Property(tries = 1000)
    void hostileTextStaysInsideItsProperty(@ForAll("hostile") String summary, @ForAll("hostile") String description,
            @ForAll("hostile") String location, @ForAll("hostile") String organizer, @ForAll("hostile") String attendee,
            @ForAll("hostile") String email) {
        String ics = new CalendarInvite("uid@example.com", 1, false, START, START, START.plusSeconds(3600), summary,
                description, location, organizer, "practice@example.com", attendee, email).render();

        assertThat(ics).endsWith("\r\n");
        String withoutLineEnds = ics.replace("\r\n", "");
        assertThat(withoutLineEnds).doesNotContain("\r", "\n");
        List<String> physical = List.of(ics.split("\r\n"));
        assertThat(physical).allMatch((line) -> line.startsWith(" ") || PROPERTY.matcher(line).matches());
        List<String> properties = List.of(ics.replace("\r\n ", "").split("\r\n"));
        assertThat(properties).extracting((line) -> line.split("[;:]", 2)[0]).containsExactlyElementsOf(NAMES);
        String attendeeLine = properties.get(15);
        assertThat(attendeeLine.substring("ATTENDEE;CN=\"".length(), attendeeLine.indexOf("\";ROLE="))).doesNotContain("\"");
    }

    @Provide
    Arbitrary<String> hostile() {
        return HostileInput.strings();
    }

}
