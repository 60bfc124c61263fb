package dev.stillpoint.notification;

import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.stillpoint.embedded.KraftBroker;
import dev.stillpoint.embedded.ReceivedEmails;
import dev.stillpoint.embedded.TestPostgres;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * notification-service against a real PostgreSQL, the run's embedded Kafka broker and a GreenMail SMTP server.
 * Each test class gets its own context, closed after it, so that only one consumer group member reads the topic.
 */
@DirtiesContext
public abstract class IntegrationTestBase {

    private static final int SMTP_PORT = KraftBroker.freePort();

    @RegisterExtension
    protected static final GreenMailExtension smtp = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    protected static BookingEventPublisher events;

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

    /** Waits for exactly {@code count} emails to {@code address}, in the order they arrived. */
    protected static List<MimeMessage> awaitEmails(String address, int count) {
        List<MimeMessage> emails = ReceivedEmails.waitFor(smtp, address, count);
        assertThat(emails).as("emails to " + address).hasSize(count);
        return emails;
    }

    protected static String brokers() {
        return System.getProperty("spring.embedded.kafka.brokers");
    }

}
