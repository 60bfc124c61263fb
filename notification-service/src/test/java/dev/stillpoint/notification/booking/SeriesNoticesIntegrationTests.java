package dev.stillpoint.notification.booking;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import dev.stillpoint.events.booking.BookingCancelled;
import dev.stillpoint.events.booking.BookingConfirmed;
import dev.stillpoint.events.booking.BookingDeclined;
import dev.stillpoint.events.booking.BookingDetails;
import dev.stillpoint.events.booking.BookingHeldForReview;
import dev.stillpoint.events.booking.ChangedBy;
import dev.stillpoint.notification.EmailParts;
import dev.stillpoint.notification.IntegrationTestBase;
import dev.stillpoint.notification.mail.CalendarInvite;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A weekly series gets one email where each session would have had its own, whatever order its sessions' events come
 * in: its confirmation (every session with its own manage link, and one calendar file, read back with ical4j, holding
 * each as its own event), that it is held for review, and the decision on it.
 */
@SpringBootTest
class SeriesNoticesIntegrationTests extends IntegrationTestBase {

    @Test
    void aSeriesOfFiveGetsOneConfirmationWithFiveCalendarEvents() throws Exception {
        String client = "series-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        List<BookingConfirmed> sessions = series(client, "CONFIRMED").stream()
            .map((booking) -> new BookingConfirmed(UUID.randomUUID(), booking.id(), 1, Instant.now(), booking.details(),
                    false))
            .toList();
        UUID seriesId = sessions.get(0).booking().series().id();
        List<BookingConfirmed> shuffled = new ArrayList<>(sessions);
        Collections.shuffle(shuffled);
        shuffled.forEach(events::publish);

        MimeMessage email = awaitEmails(client, 1).get(0);
        assertThat(email.getSubject())
            .isEqualTo("Confirmed: your weekly series of 5 CranioSacral sessions from Monday 9 March 2026");
        String text = EmailParts.text(email);
        assertThat(text).containsSubsequence("1. Monday 9 March 2026, 09:00–10:00", "2. Monday 16 March 2026, 09:00–10:00",
                "5. Monday 6 April 2026, 09:00–10:00");
        for (BookingConfirmed session : sessions) {
            assertThat(text).contains(session.booking().manageUrl().toString());
        }

        MimeMultipart mixed = (MimeMultipart) email.getContent();
        Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(
                mixed.getBodyPart(1).getInputStream().readAllBytes()));
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).hasSize(5);
        assertThat(events).extracting((event) -> property(event, "UID"))
            .containsExactlyElementsOf(sessions.stream()
                .map((session) -> CalendarInvite.uid(session.bookingId(), "stillpoint.example")).toList());
        assertThat(events).extracting((event) -> property(event, "SEQUENCE")).containsOnly("0");

        // each session's own confirmation is in its timeline, skipped, and says why
        for (BookingConfirmed session : sessions) {
            assertThat(this.jdbc.sql("select status || ': ' || reason from notification where booking_id = ? "
                    + "and kind = 'BOOKING_CONFIRMED'").param(session.bookingId()).query(String.class).single())
                .isEqualTo("SKIPPED: in the one confirmation of the weekly series");
        }
        assertThat(this.jdbc.sql("select count(*) from notification where booking_id = ? and kind = 'SERIES_CONFIRMED'")
            .param(seriesId).query(Integer.class).single()).isEqualTo(1);
    }

    private static String property(VEvent event, String name) {
        return event.<Property>getProperty(name).orElseThrow().getValue();
    }

    @Test
    void aHeldSeriesGetsOneEmailWhenHeldAndOneWithTheDecision() throws Exception {
        String client = "held-series-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        List<Session> sessions = series(client, "PENDING_REVIEW");
        for (Session session : sessions) {
            events.publish(new BookingHeldForReview(UUID.randomUUID(), session.id(), 1, Instant.now(), session.details()));
        }
        MimeMessage held = awaitEmails(client, 1).get(0);
        assertThat(held.getSubject())
            .isEqualTo("We have your request for a weekly series of 5 CranioSacral sessions from Monday 9 March 2026");
        assertThat(EmailParts.text(held)).contains("with one email about the whole series", "5. Monday 6 April 2026");
        // the practice is told once, with the first session
        assertThat(this.jdbc.sql("select count(*) from notification where kind = 'STAFF_BOOKING_HELD' and booking_id in "
                + "(?, ?, ?, ?, ?)").params(sessions.stream().map((session) -> (Object) session.id()).toArray())
            .query(Integer.class).single()).isEqualTo(1);

        // the practitioner approves three sessions and declines two
        for (Session session : sessions) {
            boolean approved = session.details().series().occurrence() <= 3;
            BookingDetails decided = withStatus(session.details(), approved ? "CONFIRMED" : "DECLINED");
            events.publish(approved ? new BookingConfirmed(UUID.randomUUID(), session.id(), 2, Instant.now(), decided, true)
                    : new BookingDeclined(UUID.randomUUID(), session.id(), 2, Instant.now(), decided));
        }
        MimeMessage decision = awaitEmails(client, 2).get(1);
        assertThat(decision.getSubject()).isEqualTo(
                "About your weekly series of 5 CranioSacral sessions from Monday 9 March 2026: 3 confirmed");
        assertThat(EmailParts.text(decision)).contains("We are glad to confirm 3 of its sessions",
                "1. Monday 9 March 2026, 09:00–10:00 Eastern Daylight Time (America/New_York): confirmed",
                "4. Monday 30 March 2026, 09:00–10:00 Eastern Daylight Time (America/New_York): declined");
        Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(
                ((MimeMultipart) decision.getContent()).getBodyPart(1).getInputStream().readAllBytes()));
        assertThat(calendar.<VEvent>getComponents(Component.VEVENT)).extracting((event) -> property(event, "SEQUENCE"))
            .containsExactly("1", "1", "1");
    }

    /**
     * A session the client cancels while it waits for review needs no decision: the decision on the others goes out
     * once it is cancelled. A series that was never held gets no decision email when one of its sessions is cancelled.
     */
    @Test
    void aSessionCancelledWhileWaitingCompletesTheDecisionOnTheOthers() throws Exception {
        String client = "waiting-series-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        List<Session> sessions = series(client, "PENDING_REVIEW");
        for (Session session : sessions) {
            events.publish(new BookingHeldForReview(UUID.randomUUID(), session.id(), 1, Instant.now(), session.details()));
        }
        awaitEmails(client, 1);
        for (Session session : sessions.subList(0, 4)) {
            events.publish(new BookingConfirmed(UUID.randomUUID(), session.id(), 2, Instant.now(),
                    withStatus(session.details(), "CONFIRMED"), true));
        }
        Session last = sessions.get(4);
        events.publish(new BookingCancelled(UUID.randomUUID(), last.id(), 2, Instant.now(),
                withStatus(last.details(), "CANCELLED"), ChangedBy.CLIENT));

        // the cancellation's own notice and the decision go out together, in either order
        List<MimeMessage> emails = awaitEmails(client, 3);
        assertThat(emails.subList(1, 3)).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder(
                "Cancelled: your CranioSacral session on Monday 6 April 2026 at 09:00",
                "About your weekly series of 5 CranioSacral sessions from Monday 9 March 2026: 4 confirmed");
        MimeMessage decision = emails.stream().filter((email) -> subject(email).startsWith("About your")).findFirst()
            .orElseThrow();
        assertThat(EmailParts.text(decision))
            .contains("5. Monday 6 April 2026, 09:00–10:00 Eastern Daylight Time (America/New_York): cancelled");

        // a series confirmed at once, then one session cancelled: its cancellation notice, nothing more
        String booked = "booked-series-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        List<Session> confirmed = series(booked, "CONFIRMED");
        for (Session session : confirmed) {
            events.publish(new BookingConfirmed(UUID.randomUUID(), session.id(), 1, Instant.now(), session.details(),
                    false));
        }
        awaitEmails(booked, 1);
        events.publish(new BookingCancelled(UUID.randomUUID(), confirmed.get(2).id(), 2, Instant.now(),
                withStatus(confirmed.get(2).details(), "CANCELLED"), ChangedBy.CLIENT));
        assertThat(awaitEmails(booked, 2).get(1).getSubject()).startsWith("Cancelled:");
        assertThat(this.jdbc.sql("select count(*) from notification where booking_id = ? and kind = 'SERIES_DECIDED'")
            .param(confirmed.get(0).details().series().id()).query(Integer.class).single()).isZero();
    }

    /** The five weekly sessions of a new series of {@code client}, from 9 March 2026, 09:00 in New York. */
    private static List<Session> series(String client, String status) {
        UUID seriesId = UUID.randomUUID();
        List<Session> sessions = new ArrayList<>();
        for (int week = 0; week < 5; week++) {
            UUID bookingId = UUID.randomUUID();
            Instant start = BookingEventFixtures.START.plusSeconds(week * 7 * 86400L);
            BookingDetails booking = BookingEventFixtures.details(bookingId, client, "America/New_York", start, status);
            sessions.add(new Session(bookingId, new BookingDetails(booking.client(), booking.sessionType(),
                    booking.bookedMinutes(), booking.handsOnMinutes(), booking.startsAt(), booking.endsAt(),
                    booking.status(), booking.newsletterOptIn(), booking.manageUrl(),
                    new BookingDetails.Series(seriesId, week + 1, 5))));
        }
        return sessions;
    }

    private static String subject(MimeMessage email) {
        try {
            return email.getSubject();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static BookingDetails withStatus(BookingDetails booking, String status) {
        return new BookingDetails(booking.client(), booking.sessionType(), booking.bookedMinutes(),
                booking.handsOnMinutes(), booking.startsAt(), booking.endsAt(), status, booking.newsletterOptIn(),
                booking.manageUrl(), booking.series());
    }

    private record Session(UUID id, BookingDetails details) {
    }

}
