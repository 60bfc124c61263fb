package dev.stillpoint.notification.delivery;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.stillpoint.embedded.ReceivedEmails;
import dev.stillpoint.embedded.RefusingSmtpServer;
import dev.stillpoint.embedded.Waits;
import dev.stillpoint.events.booking.BookingConfirmed;
import dev.stillpoint.notification.IntegrationTestBase;
import dev.stillpoint.notification.booking.BookingEventFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Claims on emails being sent, against real PostgreSQL and real SMTP servers: a claim lasts as long as its email is
 * worked on (however slow the server), is taken back at once by its instance after a restart, and fences every
 * outcome, so that no lapsed claim or cancellation is overwritten and "sent" survives the database being away.
 */
@SpringBootTest(properties = { "stillpoint.delivery.lease=900ms", "stillpoint.delivery.instance-name=claims-test" })
class DeliveryClaimsIntegrationTests extends IntegrationTestBase {

    @Autowired
    DeliveryQueue queue;

    @Autowired
    ClaimLedger ledger;

    @Autowired
    HeldClaims claims;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void anEmailWhoseSendOutlastsItsLeaseIsSentOnceUnderOneClaim() throws Exception {
        String address = "slow-" + UUID.randomUUID() + "@example.com";
        smtp.stop();
        try (RefusingSmtpServer relay = new RefusingSmtpServer(SMTP_PORT).answerDataAfter(Duration.ofMillis(2500))) {
            UUID bookingId = confirm(address, Instant.now().plus(30, ChronoUnit.DAYS));
            await().atMost(Waits.STEP).until(() -> "SENT".equals(confirmation(bookingId, "status")));
            assertThat(relay.accepted()).filteredOn(address::equals).hasSize(1);
            assertThat(confirmation(bookingId, "attempts || ' ' || (claim is null)")).isEqualTo("1 true");
        }
        finally {
            smtp.start();
        }
    }

    @Test
    void aSentEmailWhoseRecordTheDatabaseRefusesIsRecordedOnceItTakesItAndIsNotSentAgain() {
        String address = "bookkeeping-" + UUID.randomUUID() + "@example.com";
        this.jdbc.sql("create sequence settles_refused").update();
        this.jdbc.sql("""
                create function refuse_settle() returns trigger language plpgsql as $$
                begin
                    perform nextval('settles_refused');
                    raise exception 'the database is away';
                end $$""").update();
        this.jdbc.sql("create trigger refuse_settle before update on notification for each row when "
                + "(new.status = 'SENT' and new.recipient like 'bookkeeping-%') execute function refuse_settle()").update();
        try {
            UUID bookingId = confirm(address, Instant.now().plus(30, ChronoUnit.DAYS));
            await().atMost(Waits.STEP).until(() -> ReceivedEmails.to(smtp, address).size() == 1
                    && this.jdbc.sql("select last_value from settles_refused").query(Long.class).single() >= 3);
            assertThat(confirmation(bookingId, "status")).isEqualTo("PENDING");
        }
        finally {
            this.jdbc.sql("drop trigger refuse_settle on notification").update();
            this.jdbc.sql("drop function refuse_settle").update();
            this.jdbc.sql("drop sequence settles_refused").update();
        }
        // still held (renewed) while the record was refused: written at last, and never sent again
        UUID bookingId = bookingOf(address);
        await().atMost(Waits.STEP).until(() -> "SENT".equals(confirmation(bookingId, "status")));
        assertThat(awaitEmails(address, 1)).hasSize(1);
        assertThat(confirmation(bookingId, "attempts")).isEqualTo("1");
    }

    @Test
    void anOutcomeWrittenUnderALapsedClaimChangesNothing() {
        UUID id = heldNotification("claims-test", Instant.now().plusSeconds(3600));
        UUID lapsed = UUID.randomUUID();
        assertThat(this.ledger.markSent(id, lapsed)).isFalse();
        assertThat(this.ledger.markFailed(id, lapsed, "late")).isFalse();
        assertThat(this.ledger.retryLater(id, lapsed, Duration.ZERO, "late")).isFalse();
        assertThat(this.ledger.renew(java.util.Map.of(id, lapsed), Duration.ofDays(1))).isZero();
        assertThat(column(id, "status || ' ' || coalesce(last_error, '-')")).isEqualTo("PENDING -");
        assertThat(this.ledger.markSent(id, claimOf(id))).isTrue();
        assertThat(column(id, "status || ' ' || (sent_at is not null) || ' ' || (claim is null)"))
            .isEqualTo("SENT true true");
    }

    @Test
    void anEmailCancelledWhileBeingSentStaysCancelledAndSaysItWentOutAllTheSame() {
        UUID id = heldNotification("claims-test", Instant.now().plusSeconds(3600));
        UUID claim = claimOf(id);
        assertThat(this.transactions.<Boolean>execute((status) -> this.queue.cancelUnsent(id, "the booking was cancelled")))
            .isTrue();
        assertThat(this.ledger.markSent(id, claim)).isFalse();
        assertThat(column(id, "status || ' ' || (sent_at is not null) || ' ' || reason"))
            .isEqualTo("CANCELLED true the booking was cancelled, but it was being sent already and went out");
    }

    @Test
    void aRestartedInstanceTakesItsOwnClaimsBackAtOnceAndLeavesOthersAlone() throws Exception {
        UUID own = heldNotification("claims-test", Instant.now().plusSeconds(3600));
        UUID others = heldNotification("another-instance", Instant.now().plusSeconds(3600));
        this.claims.resume();
        String recipient = column(own, "recipient");
        assertThat(awaitEmails(recipient, 2).get(1).getMessageID()).isEqualTo(column(own, "message_id"));
        assertThat(column(own, "status || ' ' || attempts || ' ' || claimed_by")).isEqualTo("SENT 2 claims-test");
        assertThat(column(others, "status || ' ' || (claim is null) || ' ' || claimed_by"))
            .isEqualTo("PENDING false another-instance");
        this.jdbc.sql("update notification set status = 'CANCELLED', claim = null where id = ?").param(others).update();
    }

    /** A confirmed booking's reminder, made due and claimed by {@code claimant} until {@code until}. */
    private UUID heldNotification(String claimant, Instant until) {
        String address = "held-" + UUID.randomUUID() + "@example.com";
        UUID bookingId = confirm(address, Instant.now().plus(30, ChronoUnit.DAYS));
        awaitEmails(address, 1);
        UUID id = this.jdbc.sql("select id from notification where booking_id = ? and kind = 'HYDRATION_REMINDER'")
            .param(bookingId).query(UUID.class).single();
        this.jdbc.sql("delete from scheduled_tasks where task_instance = ?").param(id.toString()).update();
        this.jdbc.sql("update notification set status = 'PENDING', next_attempt_at = ?, claim = ?, claimed_by = ?, "
                + "claimed_until = ?, attempts = 1 where id = ?")
            .params(Timestamp.from(Instant.now()), UUID.randomUUID(), claimant, Timestamp.from(until), id).update();
        return id;
    }

    private UUID confirm(String address, Instant start) {
        UUID bookingId = UUID.randomUUID();
        BookingConfirmed confirmed = BookingEventFixtures.confirmed(bookingId, address, "Europe/London");
        events.publish(new BookingConfirmed(confirmed.eventId(), bookingId, 1, Instant.now(),
                BookingEventFixtures.details(bookingId, address, "Europe/London", start, "CONFIRMED"), false));
        return bookingId;
    }

    private UUID bookingOf(String address) {
        return this.jdbc.sql("select distinct booking_id from notification where recipient = ?").param(address)
            .query(UUID.class).single();
    }

    private UUID claimOf(UUID id) {
        return this.jdbc.sql("select claim from notification where id = ?").param(id).query(UUID.class).single();
    }

    private String confirmation(UUID bookingId, String expression) {
        return this.jdbc.sql("select (" + expression + ")::text from notification where booking_id = ? "
                + "and kind = 'BOOKING_CONFIRMED'").param(bookingId).query(String.class).optional().orElse(null);
    }

    private String column(UUID id, String expression) {
        return this.jdbc.sql("select (" + expression + ")::text from notification where id = ?").param(id)
            .query(String.class).single();
    }

}
