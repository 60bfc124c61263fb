package dev.stillpoint.notification.reminder;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.stillpoint.embedded.KraftBroker;
import dev.stillpoint.embedded.TestPostgres;
import dev.stillpoint.embedded.Waits;
import dev.stillpoint.events.booking.BookingConfirmed;
import dev.stillpoint.events.booking.BookingDetails;
import dev.stillpoint.notification.BookingEventPublisher;
import dev.stillpoint.notification.NotificationServiceApplication;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two notification-service instances share one database, one consumer group and one SMTP server; 200 hydration
 * reminders fall due at the same instant, and each is sent exactly once.
 */
class ReminderScaleOutIntegrationTests {

    private static final int SMTP_PORT = KraftBroker.freePort();

    private static final int BOOKINGS = 200;

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    @Test
    void twoInstancesSendEachOfTwoHundredRemindersDueTogetherExactlyOnce() throws Exception {
        try (ConfigurableApplicationContext first = start("instance-a");
                ConfigurableApplicationContext second = start("instance-b");
                BookingEventPublisher events = new BookingEventPublisher(brokers())) {
            // every session starts at the same moment, the reminder 30 s before it: all 200 fall due together, 40 s
            // from now, time enough for a busy machine to plan them all first
            Instant start = Instant.now().plusSeconds(70).truncatedTo(ChronoUnit.SECONDS);
            List<String> clients = new ArrayList<>();
            for (int i = 0; i < BOOKINGS; i++) {
                UUID bookingId = UUID.randomUUID();
                String email = "scale-" + i + "-" + bookingId.toString().substring(0, 8) + "@example.com";
                clients.add(email);
                events.publish(new BookingConfirmed(UUID.randomUUID(), bookingId, 1, Instant.now(),
                        new BookingDetails(new BookingDetails.Client("Client " + i, email, "Europe/London"), "CST_60",
                                60, 45, start, start.plus(Duration.ofHours(1)), "CONFIRMED", false,
                                URI.create("http://localhost:8081/bookings/" + bookingId + "/manage?token=t")),
                        false));
            }
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            await().atMost(Waits.emails(BOOKINGS)).until(() -> count(jdbc, "kind = 'HYDRATION_REMINDER'") == BOOKINGS);
            assertThat(jdbc.sql("select count(distinct due_at) from notification where kind = 'HYDRATION_REMINDER'")
                .query(Integer.class).single()).isEqualTo(1);

            // the reminders fall due 40 s after the start; then every email is settled, and only then counted
            await().atMost(Waits.emails(2 * BOOKINGS).plusSeconds(40))
                .until(() -> count(jdbc, "kind = 'HYDRATION_REMINDER' and status = 'SENT'") == BOOKINGS
                        && count(jdbc, "status = 'PENDING'") == 0);

            List<MimeMessage> received = new ArrayList<>();
            for (MimeMessage message : smtp.getReceivedMessages()) {
                if (clients.contains(recipient(message))) {
                    received.add(message);
                }
            }
            assertThat(received).as("a confirmation and a reminder for each client").hasSize(2 * BOOKINGS);
            List<MimeMessage> reminders = new ArrayList<>();
            for (MimeMessage message : received) {
                if (message.getSubject().endsWith("drink plenty of water")) {
                    reminders.add(message);
                }
            }
            Map<String, Long> perClient = reminders.stream()
                .collect(Collectors.groupingBy((message) -> recipient(message), Collectors.counting()));
            assertThat(perClient).hasSize(BOOKINGS).containsOnlyKeys(clients).allSatisfy((client, n) -> assertThat(n).isOne());
            assertThat(reminders.stream().map(ReminderScaleOutIntegrationTests::messageId)).doesNotHaveDuplicates();
            assertThat(count(jdbc, "kind = 'HYDRATION_REMINDER' and attempts = 1")).isEqualTo(BOOKINGS);
            // a figure, not an assertion: how far behind their due time the reminders went out
            jdbc.sql("select extract(epoch from min(sent_at) - min(due_at)) * 1000, extract(epoch from max(sent_at) "
                    + "- min(due_at)) * 1000 from notification where kind = 'HYDRATION_REMINDER'")
                .query((rs, row) -> String.format("%d reminders due together: first sent %.0f ms after, last %.0f ms after",
                        BOOKINGS, rs.getDouble(1), rs.getDouble(2)))
                .list().forEach(System.out::println);
            // the hydration executions are done; each booking's aftercare and check-in are still to come
            assertThat(jdbc.sql("select n.kind from scheduled_tasks t join notification n on t.task_instance = n.id::text")
                .query(String.class).list()).hasSize(2 * BOOKINGS).containsOnly("AFTERCARE", "INTEGRATION_CHECK_IN");
        }
    }

    private static ConfigurableApplicationContext start(String name) {
        Map<String, Object> properties = Map.ofEntries(
                Map.entry("spring.datasource.url", TestPostgres.jdbcUrl("notification_scale_out")),
                Map.entry("spring.datasource.username", TestPostgres.username()),
                Map.entry("spring.kafka.bootstrap-servers", brokers()),
                Map.entry("spring.mail.host", "127.0.0.1"), Map.entry("spring.mail.port", SMTP_PORT),
                Map.entry("server.port", 0), Map.entry("stillpoint.staff.password", "scale-out"),
                Map.entry("db-scheduler.scheduler-name", name), Map.entry("db-scheduler.polling-interval", "500ms"),
                Map.entry("stillpoint.reminders.hydration-before", "30s"),
                Map.entry("stillpoint.reminders.minimum-lead", "5s"),
                // the reminders come seconds after the bookings: not folded into the confirmations
                Map.entry("stillpoint.reminders.gap-after-confirmation", "0s"),
                // only the hydration reminder falls inside the test: no morning note, the rest days away
                Map.entry("stillpoint.reminders.morning-of-minimum-lead", "24h"),
                Map.entry("stillpoint.reminders.aftercare-after", "1d"),
                Map.entry("stillpoint.reminders.quiet-hours.starts", "00:00"),
                Map.entry("stillpoint.reminders.quiet-hours.ends", "00:00"));
        // as command-line arguments, which win over application.yml as they would in production
        String[] arguments = properties.entrySet().stream().map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
            .toArray(String[]::new);
        return new SpringApplicationBuilder(NotificationServiceApplication.class).run(arguments);
    }

    private static int count(JdbcClient jdbc, String condition) {
        return jdbc.sql("select count(*) from notification where " + condition).query(Integer.class).single();
    }

    private static String recipient(MimeMessage message) {
        return unchecked((m) -> ((InternetAddress) m.getAllRecipients()[0]).getAddress(), message);
    }

    private static String messageId(MimeMessage message) {
        return unchecked(MimeMessage::getMessageID, message);
    }

    private static <T> T unchecked(MessagingFunction<T> function, MimeMessage message) {
        try {
            return function.apply(message);
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String brokers() {
        return System.getProperty("spring.embedded.kafka.brokers");
    }

    @FunctionalInterface
    interface MessagingFunction<T> {

        T apply(MimeMessage message) throws Exception;

    }

}
