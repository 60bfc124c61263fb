package dev.stillpoint.notification.privacy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.stillpoint.embedded.TopicReader;
import dev.stillpoint.embedded.Waits;
import dev.stillpoint.events.booking.BookingConfirmed;
import dev.stillpoint.events.booking.BookingDetails;
import dev.stillpoint.events.privacy.ClientErasureRequested;
import dev.stillpoint.events.privacy.PrivacyTopics;
import dev.stillpoint.notification.IntegrationTestBase;
import dev.stillpoint.notification.booking.BookingEventFixtures;
import dev.stillpoint.support.retention.RetentionJobs;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * notification-service honours an erasure request: the client's emails and their planned reminders are gone, and it
 * reports so. Chains that are over keep no address, and the logs never had one.
 */
@SpringBootTest(properties = { "stillpoint.reminders.quiet-hours.starts=00:00",
        "stillpoint.reminders.quiet-hours.ends=00:00" })
@ExtendWith(OutputCaptureExtension.class)
class ClientErasureIntegrationTests extends IntegrationTestBase {

    @Autowired
    JsonMapper json;

    @Autowired
    RetentionJobs retention;

    @Test
    void anErasureRequestDeletesTheClientsEmailsAndRemindersAndIsReported(CapturedOutput output) throws Exception {
        UUID bookingId = UUID.randomUUID();
        String email = "erased-" + bookingId.toString().substring(0, 8) + "@example.com";
        events.publish(confirmed(bookingId, email));
        // and a booking held for review: the practice's alert about it carries the client's details too
        UUID heldId = UUID.randomUUID();
        events.publish(BookingEventFixtures.held(heldId, email));
        awaitEmails(email, 2);
        await().atMost(Waits.STEP).until(() -> this.jdbc.sql("select count(*) from notification where booking_id = ? "
                + "and kind = 'STAFF_BOOKING_HELD' and status = 'SENT'").param(heldId).query(Integer.class).single() == 1);
        assertThat(rows(email)).isGreaterThan(1); // the confirmation, and the steps planned after it
        // the only lines naming the address are the test's own SMTP server's
        assertThat(output.getAll().lines().filter((line) -> line.contains(email)))
            .as("logs carry ids, not addresses").allMatch((line) -> line.contains("com.icegreen.greenmail"));
        assertThat(output.getAll()).contains(bookingId.toString());

        // a bounce in the bounce log: its diagnostic can quote the address
        this.jdbc.sql("insert into bounce (id, report_id, source, kind, email_hash, suppressed, diagnostic, occurred_at, "
                + "recorded_at) values (?, ?, 'WEBHOOK', 'HARD', ?, true, ?, now(), now())")
            .params(UUID.randomUUID(), "erasure-" + bookingId, PrivacyTopics.emailHash(email), "550 <" + email + ">")
            .update();

        UUID erasureId = UUID.randomUUID();
        ClientErasureRequested request = new ClientErasureRequested(UUID.randomUUID(), erasureId,
                PrivacyTopics.emailHash(email.toUpperCase()), "STAFF", Instant.now());
        events.send(new ProducerRecord<>(PrivacyTopics.ERASURE_REQUESTS, erasureId.toString(),
                this.json.writeValueAsString(request)), PrivacyTopics.REQUESTED_TYPE);

        await("the client's emails are erased").atMost(Waits.STEP).until(() -> rows(email) == 0);
        assertThat(this.jdbc.sql("select count(*) from notification where booking_id in (?, ?)")
            .params(bookingId, heldId).query(Integer.class).single()).as("the practice's alert too").isZero();
        assertThat(this.jdbc.sql("select count(*) from bounce where email_hash = ?")
            .param(PrivacyTopics.emailHash(email)).query(Integer.class).single()).as("its bounces too").isZero();
        assertThat(this.jdbc.sql("select count(*) from scheduled_tasks where task_name = 'booking-reminder' "
                + "and task_instance in (select id::text from notification where booking_id = ?)").param(bookingId)
            .query(Integer.class).single()).isZero();
        try (TopicReader reports = new TopicReader(brokers(), PrivacyTopics.ERASURE_REPORTS, PrivacyTopics.PARTITIONS)) {
            ConsumerRecord<String, String> report = reports.awaitRecords(erasureId.toString(), 1).get(0);
            assertThat(report.value()).contains("\"service\":\"notification-service\"").doesNotContain("\"records\":0");
        }
    }

    @Test
    void onceAChainIsOverItsRowsKeepNeitherTheAddressNorTheEvent() throws Exception {
        UUID bookingId = UUID.randomUUID();
        String email = "over-" + bookingId.toString().substring(0, 8) + "@example.com";
        events.publish(confirmed(bookingId, email));
        awaitEmails(email, 1);
        this.jdbc.sql("update notification set status = 'CANCELLED', due_at = now() - interval '40 days' "
                + "where booking_id = ? and status = 'PENDING'").param(bookingId).update();
        this.jdbc.sql("update notification set due_at = now() - interval '40 days' where booking_id = ?")
            .param(bookingId).update();
        this.jdbc.sql("update notification set bounce = ? where booking_id = ? and kind = 'BOOKING_CONFIRMED'")
            .params("HARD 5.1.1: smtp; 550 5.1.1 <" + email + ">: user unknown", bookingId).update();
        // and a report in the bounce log older than it keeps reports
        String old = "old-" + bookingId;
        this.jdbc.sql("insert into bounce (id, report_id, source, kind, email_hash, suppressed, occurred_at, recorded_at) "
                + "values (?, ?, 'MAILBOX', 'SOFT', 'hash', false, now(), now() - interval '200 days')")
            .params(UUID.randomUUID(), old).update();

        this.retention.run();

        assertThat(this.jdbc.sql("select distinct recipient || ' ' || event::text from notification where booking_id = ?")
            .param(bookingId).query(String.class).list())
            .containsExactly("sha256:" + PrivacyTopics.emailHash(email) + " {\"reduced\": true}");
        assertThat(this.jdbc.sql("select bounce from notification where booking_id = ? and kind = 'BOOKING_CONFIRMED'")
            .param(bookingId).query(String.class).single()).as("the bounce's kind and status, not its words")
            .isEqualTo("HARD 5.1.1");
        assertThat(this.jdbc.sql("select count(*) from bounce where report_id = ?").param(old).query(Integer.class)
            .single()).isZero();
    }

    private int rows(String email) {
        return this.jdbc.sql("select count(*) from notification where recipient = ?").param(email)
            .query(Integer.class).single();
    }

    private static BookingConfirmed confirmed(UUID bookingId, String email) {
        Instant start = Instant.now().plus(Duration.ofDays(9));
        BookingDetails details = new BookingDetails(new BookingDetails.Client("Erin Erased", email, "Europe/London"),
                "CST_60", 60, 45, start, start.plus(Duration.ofHours(1)), "CONFIRMED", false,
                URI.create("http://localhost:8081/bookings/" + bookingId + "/manage?token=abc"));
        return new BookingConfirmed(UUID.randomUUID(), bookingId, 1, Instant.now(), details, false);
    }

}
