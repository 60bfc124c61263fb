package dev.stillpoint.notification.mail;

import java.io.File;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.stillpoint.embedded.fuzz.HostileInput;
import dev.stillpoint.events.booking.BookingDetails;
import dev.stillpoint.support.practice.PracticeProperties;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.StaticApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every email template, filled in from its rendering once per shape, gives exactly what Thymeleaf gives for that
 * email alone: with markup, quotes, any unicode and the markers' own characters in the values, and every entry
 * present or absent.
 */
class EmailTemplatesTests {

    private static final PracticeProperties PRACTICE = new PracticeProperties("Stillpoint & <Co>", "Maya \"M\" O'Neil",
            "hello@stillpoint.example", "12 Quiet Lane, London N1 7AA", "020 7946 0000", ZoneId.of("Europe/London"));

    private static final List<String> TEMPLATES = Arrays.stream(Objects.requireNonNull(
            new File("src/main/resources/templates/mail").list((dir, name) -> name.endsWith(".html")
                    && !name.equals("fragments.html"))))
        .map((name) -> name.substring(0, name.length() - ".html".length()))
        .sorted()
        .toList();

    private final EmailTemplates templates = new EmailTemplates(new StaticApplicationContext());

    @Property(tries = 300)
    void fillingInGivesWhatRenderingGives(@ForAll("templates") String template, @ForAll("hostile") String name,
            @ForAll("hostile") String place, @ForAll("hostile") String date, @ForAll("hostile") String url,
            @ForAll boolean afterReview, @ForAll boolean inSeries, @ForAll boolean elsewhere, @ForAll boolean next) {
        Map<String, Object> model = new HashMap<>();
        model.put("clientName", name);
        model.put("sessionTitle", "CranioSacral therapy");
        model.put("bookedMinutes", 75);
        model.put("handsOnMinutes", 60);
        model.put("when", new SessionTimes(date, "09:00–10:15", place));
        model.put("practiceWhen", elsewhere ? new SessionTimes(place, date, "Greenwich Mean Time (Europe/London)") : null);
        model.put("seriesPlace", inSeries ? place : null);
        model.put("previous", new SessionTimes(date + "\uE000", "08:00–09:15", name));
        model.put("nextSession", next ? new SessionTimes(name, "10:00–11:15", "\uE0001\uE001&\uE002") : null);
        model.put("afterReview", afterReview);
        model.put("manageUrl", url);
        model.put("googleCalendarUrl", url + "&dates=\uE000");
        model.put("outlookCalendarUrl", name);
        model.put("practice", PRACTICE);

        // the first email of a shape is rendered with markers; the second is only filled in
        this.templates.render(template, model);
        EmailTemplates.Rendered filled = this.templates.render(template, model);

        assertThat(filled).isEqualTo(this.templates.renderNow(template, model));
    }

    @Test
    void everyTemplateIsFilledIn() {
        Map<String, Object> model = new HashMap<>(Map.of("clientName", "Ada <Lovelace>", "manageUrl", "https://x/?a=1&b=2",
                "when", new SessionTimes("Monday", "09:00–10:00", "GMT"), "sessionTitle", "CranioSacral therapy",
                "bookedMinutes", 60, "handsOnMinutes", 45, "afterReview", false, "practice", PRACTICE));
        model.put("previous", new SessionTimes("Sunday", "08:00–09:00", "GMT"));
        model.put("googleCalendarUrl", "https://calendar.google.com/calendar/render?action=TEMPLATE&text=A");
        model.put("outlookCalendarUrl", "https://outlook.live.com/calendar/0/action/compose?rru=addevent&subject=A");
        // the practice's agenda names each client of the day (a list: rendered directly, every time)
        Map<String, Object> agenda = new HashMap<>(model);
        Map<String, Object> session = new HashMap<>(Map.of("clientName", "Ada <Lovelace>", "time", "09:00–10:00",
                "minutes", 60, "clientEmail", "ada@example.com"));
        session.put("seriesPlace", null);
        agenda.put("sessions", List.of(session));
        agenda.put("date", "Monday 7 December 2026");
        for (String template : TEMPLATES) {
            EmailTemplates.Rendered rendered = this.templates.render(template,
                    template.equals("staff-daily-agenda") ? agenda : model);
            assertThat(rendered.html()).as(template).contains("Ada &lt;Lovelace&gt;").doesNotContain("\uE000");
            assertThat(rendered.text()).as(template).contains("Ada <Lovelace>").doesNotContain("\uE000");
        }
        assertThat(TEMPLATES).hasSizeGreaterThan(8);
    }

    @Test
    void everySessionEmailHasAShape() {
        BookingDetails booking = new BookingDetails(new BookingDetails.Client("Ada", "ada@example.com", "America/New_York"),
                "CRANIOSACRAL_60", 60, 45, Instant.parse("2026-03-09T13:00:00Z"), Instant.parse("2026-03-09T14:00:00Z"),
                "CONFIRMED", false, URI.create("http://localhost:8081/bookings/1/manage?token=abc"),
                new BookingDetails.Series(UUID.randomUUID(), 2, 5));
        Map<String, Object> model = SessionEmailModel.of(booking, PRACTICE);
        model.put("afterReview", true);
        model.put("previous", null);

        assertThat(ModelShape.of("booking-confirmed", model)).isNotNull();
    }

    @Test
    void aTemplateThatChangesAValueIsRenderedDirectly() {
        assertThat(Slots.of("Dear " + Slots.marker(0).toUpperCase() + ",", 1)).isNull();
        assertThat(Slots.of("Dear " + Slots.marker(0).substring(0, 4), 1)).isNull();
        assertThat(Slots.of("Dear " + Slots.marker(1), 1)).isNull();
        assertThat(Slots.of("Dear " + Slots.marker(0) + ",", 1).fill(List.of("Ada"))).isEqualTo("Dear Ada,");
    }

    @Provide
    Arbitrary<String> templates() {
        return Arbitraries.of(TEMPLATES);
    }

    @Provide
    Arbitrary<String> hostile() {
        return HostileInput.strings();
    }

}
