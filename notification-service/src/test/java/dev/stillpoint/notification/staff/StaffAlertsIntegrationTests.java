package dev.stillpoint.notification.staff;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import dev.stillpoint.embedded.Waits;
import dev.stillpoint.events.booking.BookingCancelled;
import dev.stillpoint.events.booking.BookingConfirmed;
import dev.stillpoint.events.booking.BookingRescheduled;
import dev.stillpoint.events.booking.ChangedBy;
import dev.stillpoint.notification.EmailParts;
import dev.stillpoint.notification.IntegrationTestBase;
import dev.stillpoint.notification.booking.BookingEventFixtures;
import dev.stillpoint.notification.mail.SessionTimes;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The practice hears about what needs it, at its own address: a booking held for review (a link to the review page,
 * no health detail), a session the client cancelled or moved, not what staff did themselves; and each morning the
 * day's agenda.
 */
@SpringBootTest
class StaffAlertsIntegrationTests extends IntegrationTestBase {

    private static final String PRACTICE = "hello@stillpoint.example";

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired
    DailyAgenda agenda;

    @Test
    void aHeldBookingAlertsThePracticeWithTheReviewPageAndNoHealthDetail() throws Exception {
        String client = "held-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        UUID bookingId = UUID.randomUUID();
        events.publish(BookingEventFixtures.held(bookingId, client));

        MimeMessage alert = awaitAlerts(client, 1).get(0);
        assertThat(alert.getSubject()).isEqualTo("To review: a booking request from Ada Lovelace, Monday 9 March 2026 at 13:00");
        String text = EmailParts.text(alert);
        assertThat(text).contains("Review it: http://localhost:8081/staff/review", client,
                "Monday 9 March 2026, 13:00–14:00 Greenwich Mean Time (Europe/London)")
            .doesNotContain("token=", "aneurysm", "haemorrhage", "bleeding", "pressure");
        // in the booking's timeline beside the client's own email
        assertThat(this.jdbc.sql("select kind || ' ' || status || ' ' || recipient from notification where booking_id = ? "
                + "order by kind").param(bookingId).query(String.class).list())
            .containsExactly("BOOKING_HELD SENT " + client, "STAFF_BOOKING_HELD SENT " + PRACTICE);
    }

    @Test
    void theClientsMoveAndCancellationAlertThePracticeButStaffsOwnDoNot() throws Exception {
        String client = "moves-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        UUID bookingId = UUID.randomUUID();
        events.publish(BookingEventFixtures.confirmed(bookingId, client, "Europe/London"));
        BookingRescheduled moved = BookingEventFixtures.rescheduled(bookingId, client, "Europe/London",
                BookingEventFixtures.confirmed(bookingId, client, "Europe/London").booking().startsAt().plusSeconds(86400));
        events.publish(new BookingRescheduled(moved.eventId(), bookingId, 2, moved.occurredAt(), moved.booking(),
                moved.previousStartsAt(), ChangedBy.CLIENT));
        BookingCancelled cancelled = BookingEventFixtures.cancelled(bookingId, client, "Europe/London", 3);
        events.publish(cancelled);

        List<MimeMessage> alerts = awaitAlerts(client, 2);
        assertThat(alerts).extracting(MimeMessage::getSubject).containsExactly(
                "Moved by the client: Ada Lovelace, Tuesday 10 March 2026 at 13:00",
                "Cancelled by the client: Ada Lovelace, Monday 9 March 2026 at 13:00");
        assertThat(EmailParts.text(alerts.get(0))).contains("It was on Monday 9 March 2026, 13:00–14:00; now:",
                "The schedule: http://localhost:8081/staff/schedule");

        String byStaff = "staff-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        UUID staffBooking = UUID.randomUUID();
        events.publish(BookingEventFixtures.confirmed(staffBooking, byStaff, "Europe/London"));
        BookingCancelled staffCancel = BookingEventFixtures.cancelled(staffBooking, byStaff, "Europe/London", 2);
        events.publish(new BookingCancelled(staffCancel.eventId(), staffBooking, 2, staffCancel.occurredAt(),
                staffCancel.booking(), ChangedBy.STAFF));
        // the client hears of it; once their email is out, the event was handled whole
        assertThat(awaitEmails(byStaff, 2).get(1).getSubject()).startsWith("Cancelled:");
        assertThat(this.jdbc.sql("select count(*) from notification where booking_id = ? and kind like 'STAFF_%'")
            .param(staffBooking).query(Integer.class).single()).isZero();
    }

    /**
     * The day's agenda lists its confirmed sessions in order, in the practice's time, not a cancelled one nor the next
     * day's; queued twice, it is sent once; the recurring task that queues it waits for 07:00 practice time.
     */
    @Test
    void theDaysAgendaListsItsConfirmedSessionsInOrderOnce() throws Exception {
        LocalDate day = LocalDate.of(2031, 1, 6).plusDays(new Random().nextInt(3000));
        String morning = book(day, "09:00", "CONFIRMED");
        String afternoon = book(day, "14:30", "CONFIRMED");
        String cancelled = book(day, "11:00", "CANCELLED");
        String tomorrow = book(day.plusDays(1), "10:00", "CONFIRMED");
        for (String client : List.of(morning, afternoon, tomorrow)) {
            awaitEmails(client, 1);
        }
        awaitEmails(cancelled, 2);

        this.agenda.queue(day);
        this.agenda.queue(day);

        String date = SessionTimes.date(day);
        await().atMost(Waits.STEP).until(() -> agendas(date).size() == 1);
        MimeMessage agenda = agendas(date).get(0);
        assertThat(agenda.getSubject()).isEqualTo("Today, " + date + ": 2 sessions");
        String text = EmailParts.text(agenda);
        assertThat(text).containsSubsequence("09:00–10:00  Ada Lovelace <" + morning + ">, 60 minutes",
                "14:30–15:30  Ada Lovelace <" + afternoon + ">, 60 minutes")
            .doesNotContain(cancelled, tomorrow);
        assertThat(this.jdbc.sql("select count(*) from notification where kind = 'STAFF_DAILY_AGENDA' and status = 'SENT' "
                + "and event::text like ?").param("%" + day + "%").query(Integer.class).single()).isEqualTo(1);
        Instant next = this.jdbc.sql("select execution_time from scheduled_tasks where task_name = 'staff-daily-agenda'")
            .query(Timestamp.class).single().toInstant();
        assertThat(next.atZone(LONDON).toLocalTime()).isEqualTo(LocalTime.of(7, 0));
    }

    /** A booking on {@code day} at {@code time} in London, confirmed (and cancelled, if so), by a client of its own. */
    private static String book(LocalDate day, String time, String status) {
        String client = "agenda-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        UUID bookingId = UUID.randomUUID();
        Instant start = day.atTime(LocalTime.parse(time)).atZone(LONDON).toInstant();
        events.publish(new BookingConfirmed(UUID.randomUUID(), bookingId, 1, Instant.now(),
                BookingEventFixtures.details(bookingId, client, "Europe/London", start, "CONFIRMED"), false));
        if ("CANCELLED".equals(status)) {
            events.publish(new BookingCancelled(UUID.randomUUID(), bookingId, 2, Instant.now(),
                    BookingEventFixtures.details(bookingId, client, "Europe/London", start, "CANCELLED"),
                    ChangedBy.STAFF));
        }
        return client;
    }

    private List<MimeMessage> agendas(String date) {
        return Arrays.stream(smtp.getReceivedMessages()).filter((message) -> {
            try {
                return message.getSubject().startsWith("Today, " + date);
            }
            catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }).toList();
    }

    /** The practice's emails about {@code client}, once exactly {@code count} have arrived. */
    private List<MimeMessage> awaitAlerts(String client, int count) {
        await().atMost(Waits.STEP).until(() -> alerts(client).size() == count);
        return alerts(client);
    }

    private List<MimeMessage> alerts(String client) {
        return Arrays.stream(smtp.getReceivedMessages()).filter((message) -> about(message, client)).toList();
    }

    private static boolean about(MimeMessage message, String client) {
        try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            return to != null && Arrays.stream(to).anyMatch((each) -> each.toString().contains(PRACTICE))
                    && EmailParts.text(message).contains(client);
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

}
