package dev.stillpoint.notification;

import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.stillpoint.embedded.ConsumerGroups;
import dev.stillpoint.embedded.KraftBroker;
import dev.stillpoint.embedded.ReceivedEmails;
import dev.stillpoint.embedded.TestPostgres;
import dev.stillpoint.embedded.Waits;
import dev.stillpoint.events.booking.BookingTopics;
import dev.stillpoint.notification.booking.BookingEventsListener;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * notification-service against a real PostgreSQL, the run's embedded Kafka broker and a GreenMail SMTP server.
 * Each test class gets its own context, closed after it, so that only one consumer group member reads the topic.
 * Each test uses addresses of its own and leaves nothing running for the next: see {@link #leaveNothingRunning()}.
 */
@DirtiesContext
public abstract class IntegrationTestBase {

    protected static final int SMTP_PORT = KraftBroker.freePort();

    @RegisterExtension
    protected static final GreenMailExtension smtp = new GreenMailExtension(smtpSetup());

    protected static BookingEventPublisher events;

    /**
     * GreenMail waits 2 s for its server to start by default; started again on its fixed port after a test stopped it
     * (for a server of its own there), it took longer on a busy machine and failed a test.
     */
    private static ServerSetup smtpSetup() {
        ServerSetup setup = new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp");
        setup.setServerStartupTimeout(Waits.STEP.toMillis());
        return setup;
    }

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestPostgres.jdbcUrl("notification"));
        registry.add("spring.datasource.username", TestPostgres::username);
        registry.add("spring.kafka.bootstrap-servers", IntegrationTestBase::brokers);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @BeforeAll
    static void connectPublisher() {
        events = new BookingEventPublisher(brokers());
    }

    @AfterAll
    static void closePublisher() {
        events.close();
    }

    /**
     * What a test started is finished before the next begins: every event it published is consumed, every email
     * that fell due is sent, and the reminders still planned are removed, so that no step of this test falls due
     * in another (the reminder tests move the clock by months).
     */
    @AfterEach
    void leaveNothingRunning() {
        ConsumerGroups.awaitCaughtUp(brokers(), BookingEventsListener.GROUP_ID, BookingTopics.BOOKING_EVENTS, Waits.STEP);
        int pending = pending("");
        // an execution being run may release one more email: remove the others, and wait for it and its email
        await("the " + pending + " emails due are sent and no reminder is being released").atMost(Waits.emails(pending))
            .until(() -> {
                this.jdbc.sql("delete from scheduled_tasks where task_name = 'booking-reminder' and not picked").update();
                return pending("") == 0 && this.jdbc.sql("select count(*) from scheduled_tasks where task_name = "
                        + "'booking-reminder'").query(Integer.class).single() == 0;
            });
    }

    /**
     * Waits for exactly {@code count} emails to {@code address}, in the order they arrived: once that many are there
     * and no email to the address is still due to be sent, a late copy would fail the test.
     */
    protected List<MimeMessage> awaitEmails(String address, int count) {
        return ReceivedEmails.waitForExactly(smtp, address, count, () -> pending(address) == 0);
    }

    /** Emails due but not yet settled (to {@code address}, or to anyone if it is empty). */
    private int pending(String address) {
        return this.jdbc.sql("select count(*) from notification where status = 'PENDING' and (? = '' or recipient = ?)")
            .params(address, address).query(Integer.class).single();
    }

    protected static String brokers() {
        return System.getProperty("spring.embedded.kafka.brokers");
    }

}
