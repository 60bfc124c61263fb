package dev.stillpoint.notification.reminder;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.github.kagkarlsson.scheduler.Scheduler;
import dev.stillpoint.embedded.ConsumerGroups;
import dev.stillpoint.embedded.TopicReader;
import dev.stillpoint.embedded.Waits;
import dev.stillpoint.events.DeadLetterHeaders;
import dev.stillpoint.events.booking.BookingConfirmed;
import dev.stillpoint.events.booking.BookingDetails;
import dev.stillpoint.events.client.ClientPreferencesChanged;
import dev.stillpoint.events.client.ClientTopics;
import dev.stillpoint.events.privacy.PrivacyTopics;
import dev.stillpoint.notification.EmailParts;
import dev.stillpoint.notification.IntegrationTestBase;
import dev.stillpoint.notification.MutableClock;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client's choice of optional emails, as booking-service publishes it on {@value ClientTopics#PREFERENCES}, over
 * real Kafka, PostgreSQL, db-scheduler and SMTP: honoured by the steps already planned and by those planned later, for
 * every booking of the client, undone when the client turns the email back on, and deaf to an older choice.
 */
@SpringBootTest(properties = { "db-scheduler.polling-interval=200ms", "stillpoint.reminders.gap-after-confirmation=0s" })
class ClientPreferencesIntegrationTests extends IntegrationTestBase {

    static final MutableClock clock = new MutableClock(Instant.parse("2027-05-03T06:00:00Z"));

    private static final String ZONE = "Europe/Berlin";

    @Autowired
    JsonMapper json;

    @Autowired
    Scheduler scheduler;

    @Test
    void aClientWhoTurnsOffTheCheckInGetsNoneForAnyOfTheirSessionsUntilTheyTurnItBackOn() throws Exception {
        setClock(Instant.parse("2027-05-03T06:00:00Z"));
        String client = "prefers-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String hash = PrivacyTopics.emailHash(client);
        BookingConfirmed first = confirm(client, "2027-05-05T11:00");
        await().atMost(Waits.STEP).until(() -> status(first.bookingId(), "INTEGRATION_CHECK_IN").equals("SCHEDULED"));

        // turned off from the preferences page: the step already planned is skipped, and its execution goes
        change(hash, 1, true, true, false);
        await().atMost(Waits.STEP).until(() -> status(first.bookingId(), "INTEGRATION_CHECK_IN").equals("SKIPPED"));
        assertThat(reason(first.bookingId(), "INTEGRATION_CHECK_IN")).isEqualTo("the client turned this email off");
        assertThat(executions(first.bookingId())).containsOnlyKeys("HYDRATION_REMINDER", "MORNING_OF", "AFTERCARE");

        // and a session booked afterwards is planned without it
        BookingConfirmed second = confirm(client, "2027-05-12T11:00");
        await().atMost(Waits.STEP).until(() -> status(second.bookingId(), "INTEGRATION_CHECK_IN").equals("SKIPPED"));
        assertThat(reason(second.bookingId(), "INTEGRATION_CHECK_IN")).isEqualTo("the client turned this email off");
        assertThat(status(second.bookingId(), "AFTERCARE")).isEqualTo("SCHEDULED");

        awaitEmails(client, 2); // the confirmations, sent before the clock moves on: a claim held across the jump lapses
        // past the first session's check-in time: its aftercare came, with the link to the choice, and no check-in
        setClock(local("2027-05-08T12:30"));
        // (the reminders before it were not sent: the clock jumped past the session, so they expired)
        List<MimeMessage> emails = awaitEmails(client, 3);
        assertThat(emails.subList(0, 2)).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder(
                "Confirmed: your CranioSacral session on Wednesday 5 May 2027 at 11:00",
                "Confirmed: your CranioSacral session on Wednesday 12 May 2027 at 11:00");
        assertThat(emails.get(2).getSubject()).isEqualTo("After your session: be gentle with yourself");
        assertThat(EmailParts.text(emails.get(2))).contains("Choose which of them you get:",
                first.booking().preferencesUrl().toString());
        assertThat(EmailParts.html(emails.get(2))).contains(first.booking().preferencesUrl().toString());
        assertThat(EmailParts.text(emails.get(0))).doesNotContain("Choose which of them you get");

        // turned on again: the step still ahead comes back; the one whose time passed stays skipped
        change(hash, 2, true, true, true);
        await().atMost(Waits.STEP).until(() -> status(second.bookingId(), "INTEGRATION_CHECK_IN").equals("SCHEDULED"));
        assertThat(executions(second.bookingId())).containsEntry("INTEGRATION_CHECK_IN",
                local("2027-05-15T12:00"));
        assertThat(status(first.bookingId(), "INTEGRATION_CHECK_IN")).isEqualTo("SKIPPED");

        // the first choice, redelivered after the second: older, so it changes nothing
        change(hash, 1, true, true, false);
        ConsumerGroups.awaitCaughtUp(brokers(), ClientPreferencesListener.GROUP_ID, ClientTopics.PREFERENCES,
                Waits.STEP);
        assertThat(status(second.bookingId(), "INTEGRATION_CHECK_IN")).isEqualTo("SCHEDULED");
        assertThat(this.jdbc.sql("select version from client_preferences where email_hash = ?").param(hash)
            .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void anUnreadablePreferencesRecordIsDeadLetteredWithTheReasonAndTheNextIsApplied() {
        setClock(Instant.parse("2027-05-03T06:00:00Z"));
        String hash = PrivacyTopics.emailHash("unreadable-" + UUID.randomUUID() + "@example.com");
        events.send(new ProducerRecord<>(ClientTopics.PREFERENCES, hash, "{not json"),
                ClientTopics.PREFERENCES_CHANGED_TYPE);
        change(hash, 1, false, true, true);
        try (TopicReader deadLetters = new TopicReader(brokers(), ClientTopics.PREFERENCES_DEAD_LETTER,
                ClientTopics.PARTITIONS)) {
            ConsumerRecord<String, String> parked = deadLetters.awaitRecords(hash, 1).get(0);
            assertThat(TopicReader.header(parked, DeadLetterHeaders.REASON)).isNotBlank();
        }
        await().atMost(Waits.STEP).until(() -> this.jdbc.sql("select count(*) from client_preferences "
                + "where email_hash = ? and not morning_of").param(hash).query(Integer.class).single() == 1);
    }

    private void change(String hash, long version, boolean morningOf, boolean aftercare, boolean checkIn) {
        ClientPreferencesChanged changed = new ClientPreferencesChanged(UUID.randomUUID(), hash, version, morningOf,
                aftercare, checkIn, clock.instant());
        events.send(new ProducerRecord<>(ClientTopics.PREFERENCES, hash, this.json.writeValueAsString(changed)),
                ClientTopics.PREFERENCES_CHANGED_TYPE);
    }

    private BookingConfirmed confirm(String email, String localStart) {
        UUID bookingId = UUID.randomUUID();
        Instant start = local(localStart);
        BookingDetails booking = new BookingDetails(new BookingDetails.Client("Ada Lovelace", email, ZONE), "CST_60",
                60, 45, start, start.plus(Duration.ofMinutes(60)), "CONFIRMED", false,
                URI.create("http://localhost:8081/bookings/" + bookingId + "/manage?token=abc"), null,
                URI.create("http://localhost:8081/preferences/" + PrivacyTopics.emailHash(email) + "?token=def"));
        BookingConfirmed event = new BookingConfirmed(UUID.randomUUID(), bookingId, 1, clock.instant(), booking, false);
        events.publish(event);
        return event;
    }

    private String status(UUID bookingId, String kind) {
        return this.jdbc.sql("select status from notification where booking_id = ? and kind = ?")
            .params(bookingId, kind).query(String.class).optional().orElse("");
    }

    private String reason(UUID bookingId, String kind) {
        return this.jdbc.sql("select reason from notification where booking_id = ? and kind = ?")
            .params(bookingId, kind).query(String.class).single();
    }

    /** Each step of the booking that has a db-scheduler execution, with its time. */
    private Map<String, Instant> executions(UUID bookingId) {
        return this.jdbc.sql("select n.kind, t.execution_time from scheduled_tasks t join notification n "
                + "on t.task_instance = n.id::text where n.booking_id = ?")
            .param(bookingId)
            .query((rs, row) -> Map.entry(rs.getString(1), rs.getTimestamp(2).toInstant()))
            .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private void setClock(Instant instant) {
        clock.set(instant);
        this.scheduler.triggerCheckForDueExecutions();
    }

    private static Instant local(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of(ZONE)).toInstant();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class ControllableClock {

        @Bean
        @Primary
        MutableClock testClock() {
            return clock;
        }

    }

}
