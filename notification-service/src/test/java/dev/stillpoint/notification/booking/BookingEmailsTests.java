package dev.stillpoint.notification.booking;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.UUID;

import dev.stillpoint.events.booking.BookingConfirmed;
import dev.stillpoint.events.booking.BookingDetails;
import dev.stillpoint.events.booking.BookingEvent;
import dev.stillpoint.events.booking.BookingEventType;
import dev.stillpoint.mail.OutgoingEmail;
import dev.stillpoint.notification.delivery.PendingNotification;
import dev.stillpoint.notification.mail.CalendarInvite;
import dev.stillpoint.notification.mail.EmailTemplates;
import dev.stillpoint.support.practice.PracticeProperties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.support.StaticApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

class BookingEmailsTests {

    private static final UUID BOOKING = UUID.fromString("0b7e5f1a-8c35-4f0e-9d3e-5a2f4c1b7e90");

    private final JsonMapper json = JsonMapper.builder().build();

    private static final PracticeProperties PRACTICE = new PracticeProperties("Stillpoint CranioSacral Therapy", "Maya",
            "hello@stillpoint.example", "12 Quiet Lane, London N1 7AA", "020 7946 0000", ZoneId.of("Europe/London"));

    private final BookingEmails emails = new BookingEmails(new EmailTemplates(new StaticApplicationContext()), PRACTICE,
            new Invites(PRACTICE), this.json);

    @Test
    void confirmationSaysWhatToExpectInTheClientsTimeZone() {
        OutgoingEmail email = compose(BookingEventFixtures.confirmed(BOOKING, "ada@example.com", "America/New_York"),
                "BOOKING_CONFIRMED");

        assertThat(email.subject()).isEqualTo("Confirmed: your CranioSacral session on Monday 9 March 2026 at 09:00");
        assertThat(email.messageId()).isEqualTo("<id@stillpoint.example>");
        for (String part : new String[] { email.text(), email.html() }) {
            assertThat(part).contains("Ada Lovelace", "Monday 9 March 2026", "09:00–10:00",
                    "Eastern Daylight Time (America/New_York)", "60 minutes, of which 45 hands-on",
                    "At the practice: Monday 9 March 2026, 13:00–14:00 Greenwich Mean Time (Europe/London)",
                    "no belts, buttons or tight jeans", "Come well hydrated", "Bring extra water for after",
                    "12 Quiet Lane, London N1 7AA", "020 7946 0000", "Stillpoint CranioSacral Therapy",
                    "/bookings/" + BOOKING + "/manage?token=abc");
        }
        assertThat(email.text()).as("paragraphs separated by one blank line").doesNotContain("\n\n\n");
        assertThat(email.html()).startsWith("<!DOCTYPE html>").contains("<a href=\"http://localhost:8081/bookings/");
        assertThat(email.attachments()).singleElement().satisfies((invite) -> {
            assertThat(invite.filename()).isEqualTo("invite.ics");
            // an invitation travels further than its email (forwarded, shared calendars): no booking id, no manage link
            assertThat(new String(invite.content(), StandardCharsets.UTF_8)).contains("METHOD:REQUEST",
                    "UID:" + CalendarInvite.uid(BOOKING, "stillpoint.example"), "SEQUENCE:0", "DTSTART:20260309T130000Z")
                .doesNotContain(BOOKING.toString(), "token=");
        });
    }

    @Test
    void aSessionOfASeriesSaysWhichOneItIs() {
        BookingConfirmed single = BookingEventFixtures.confirmed(BOOKING, "ada@example.com", "Europe/London");
        BookingDetails details = single.booking();
        BookingConfirmed third = new BookingConfirmed(single.eventId(), BOOKING, 1, single.occurredAt(),
                new BookingDetails(details.client(), details.sessionType(), details.bookedMinutes(),
                        details.handsOnMinutes(), details.startsAt(), details.endsAt(), details.status(),
                        details.newsletterOptIn(), details.manageUrl(), new BookingDetails.Series(UUID.randomUUID(), 3, 5)),
                false);

        OutgoingEmail email = compose(third, "BOOKING_CONFIRMED");
        assertThat(email.text()).contains("CranioSacral therapy, session 3 of your weekly series of 5\nMonday 9 March 2026");
        assertThat(email.html()).contains(", session 3 of your weekly series of 5");
        assertThat(compose(single, "BOOKING_CONFIRMED").text()).doesNotContain("weekly series");
    }

    @Test
    void heldNoticeRepeatsNoHealthDetailsAndCarriesNoInvite() {
        OutgoingEmail email = compose(BookingEventFixtures.held(BOOKING, "ada@example.com"), "BOOKING_HELD");

        assertThat(email.subject()).startsWith("We have your booking request for Monday 9 March 2026");
        assertThat(email.text()).contains("Maya would like to look over your answers", "within one working day");
        for (String part : new String[] { email.text().toLowerCase(), email.html().toLowerCase() }) {
            assertThat(part).doesNotContain("aneurysm", "haemorrhage", "hemorrhage", "bleeding", "intracranial");
        }
        assertThat(email.attachments()).isEmpty();
    }

    @Test
    void declineTellsTheClientWithoutHealthDetailsOrAManageLink() {
        OutgoingEmail email = compose(BookingEventFixtures.declined(BOOKING, "ada@example.com"), "BOOKING_DECLINED");

        assertThat(email.subject()).isEqualTo("About your booking request for Monday 9 March 2026 at 13:00");
        assertThat(email.text()).contains("not able to offer this session", "the time has been released",
                "Monday 9 March 2026, 13:00–14:00", "call us on");
        for (String part : new String[] { email.text().toLowerCase(), email.html().toLowerCase() }) {
            assertThat(part).doesNotContain("aneurysm", "haemorrhage", "hemorrhage", "bleeding", "intracranial",
                    "/manage");
        }
        assertThat(email.attachments()).isEmpty();
    }

    @Test
    void rescheduleNamesOldAndNewTimesAndRaisesTheSequence() {
        OutgoingEmail email = compose(BookingEventFixtures.rescheduled(BOOKING, "ada@example.com", "Europe/Berlin",
                BookingEventFixtures.START.plusSeconds(86400)), "BOOKING_RESCHEDULED");

        assertThat(email.subject()).isEqualTo("Moved: your CranioSacral session is now on Tuesday 10 March 2026 at 14:00");
        assertThat(email.text()).contains("no longer on Monday 9 March 2026, 14:00–15:00",
                "Tuesday 10 March 2026, 14:00–15:00", "Central European Standard Time (Europe/Berlin)");
        assertThat(new String(email.attachments().get(0).content(), StandardCharsets.UTF_8))
            .contains("METHOD:REQUEST", "SEQUENCE:1", "DTSTART:20260310T130000Z");
    }

    @Test
    void cancellationRemovesTheCalendarEntry() {
        OutgoingEmail email = compose(BookingEventFixtures.cancelled(BOOKING, "ada@example.com", "Europe/London", 3),
                "BOOKING_CANCELLED");

        assertThat(email.subject()).isEqualTo("Cancelled: your CranioSacral session on Monday 9 March 2026 at 13:00");
        assertThat(email.text()).contains("has been cancelled", "Greenwich Mean Time (Europe/London)")
            .as("the client is in the practice's zone").doesNotContain("At the practice");
        assertThat(new String(email.attachments().get(0).content(), StandardCharsets.UTF_8))
            .contains("METHOD:CANCEL", "STATUS:CANCELLED", "SEQUENCE:2", "UID:" + CalendarInvite.uid(BOOKING,
                    "stillpoint.example"));
    }

    private OutgoingEmail compose(BookingEvent event, String kind) {
        return this.emails.compose(new PendingNotification(UUID.randomUUID(), event.bookingId(), kind,
                event.booking().client().email(), BookingEventType.of(event).ceType(), this.json.writeValueAsString(event),
                "<id@stillpoint.example>", 1, null));
    }

}
