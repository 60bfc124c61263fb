package dev.stillpoint.systemtests;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import dev.stillpoint.embedded.ReceivedEmails;
import dev.stillpoint.embedded.Waits;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The spine, end to end: the three packaged services, each in its own JVM, on one real Kafka broker, PostgreSQL
 * database and SMTP server, configured only through standard Spring environment variables. A booking posted over
 * HTTP ends as exactly one confirmation email; a reschedule and a cancellation end as their notices; a hydration
 * reminder, its offset set through the environment, arrives when db-scheduler releases it.
 */
class BookingToEmailIntegrationTests {

    private static final JsonMapper json = JsonMapper.builder().build();

    private static final String STAFF_PASSWORD = "system-test-staff";

    private static PackagedServices services;

    private static GreenMail smtp;

    private static GreenMailUser bounces;

    private static NotificationLedger ledger;

    private static ServiceProcess booking;

    private static ServiceProcess newsletter;

    private static ServiceProcess notification;

    /** The Saturday before the other tests' slots: its reminder falls due while theirs are still days away. */
    private static final OffsetDateTime REMINDED_SLOT = slot(-2);

    private static Instant reminderDue;

    @BeforeAll
    static void startEverything() {
        // SMTP for every email, and IMAP for the bounce mailbox that notification-service reads
        services = PackagedServices.start("stillpoint", true);
        smtp = services.smtp();
        bounces = services.mailbox("bounces@stillpoint.example", "bounces", "bounces-secret");
        ledger = services.ledger();
        // a hydration reminder offset that makes REMINDED_SLOT's reminder due once the services can have started, so
        // that it is booked before it is due however slowly they start (a later booking would not get it), and no gap
        // after the confirmation (a reminder due within it is folded into the confirmation)
        reminderDue = Instant.now().plus(Waits.PROCESS_START).truncatedTo(ChronoUnit.SECONDS);
        services.with(Map.ofEntries(
                Map.entry("STILLPOINT_STAFF_PASSWORD", STAFF_PASSWORD),
                Map.entry("STILLPOINT_BOOKING_MANAGE_LINK_SECRET", "system-test-secret"),
                Map.entry("STILLPOINT_PRACTICE_NAME", "Stillpoint Test Practice"),
                Map.entry("STILLPOINT_REMINDERS_HYDRATION_BEFORE",
                        Duration.between(reminderDue, REMINDED_SLOT.toInstant()).toString()),
                Map.entry("STILLPOINT_REMINDERS_GAP_AFTER_CONFIRMATION", "0s"),
                Map.entry("STILLPOINT_REMINDERS_QUIET_HOURS_STARTS", "00:00"),
                Map.entry("STILLPOINT_REMINDERS_QUIET_HOURS_ENDS", "00:00"),
                Map.entry("STILLPOINT_BOUNCES_MAILBOX_HOST", "127.0.0.1"),
                Map.entry("STILLPOINT_BOUNCES_MAILBOX_PORT", String.valueOf(smtp.getImap().getPort())),
                Map.entry("STILLPOINT_BOUNCES_MAILBOX_PROTOCOL", "imap"),
                Map.entry("STILLPOINT_BOUNCES_MAILBOX_USERNAME", "bounces"),
                Map.entry("STILLPOINT_BOUNCES_MAILBOX_PASSWORD", "bounces-secret"),
                Map.entry("STILLPOINT_BOUNCES_MAILBOX_POLL_INTERVAL", "1s"),
                Map.entry("STILLPOINT_BOUNCES_WEBHOOK_SECRET", BounceJourney.WEBHOOK_SECRET)));
        booking = services.launch("booking-service");
        notification = services.launch("notification-service");
        newsletter = services.launch("newsletter-service");
        services.awaitReady();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void aBookingBecomesOneConfirmationAndItsChangesBecomeNotices() throws Exception {
        HttpResponse<String> created = booking.post("/api/bookings", request("ada@example.com", slot(0), false));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json.readTree(created.body()).get("id").asString();
        String token = json.readTree(created.body()).get("manageToken").asString();

        MimeMessage confirmation = awaitEmails("ada@example.com", 1).get(0);
        assertThat(confirmation.getSubject()).startsWith("Confirmed: your CranioSacral session on");
        String source = ReceivedEmails.source(confirmation);
        assertThat(source).contains("From: Stillpoint Test Practice <hello@stillpoint.example>", "text/plain",
                "text/html", "invite.ics", "Eastern");
        // the invitation travels further than the email (forwarded, shared calendars): no booking id, no manage link
        String invite = decodedIcs(source);
        assertThat(invite).contains("METHOD:REQUEST", "SEQUENCE:0").doesNotContain(id, token);
        String uid = invite.lines().filter((line) -> line.startsWith("UID:")).findFirst().orElseThrow();

        assertThat(booking.post("/api/bookings/" + id + "/reschedule", "{\"startsAt\":\"" + slot(1) + "\"}")
            .statusCode()).as("without the manage token").isEqualTo(403);
        assertThat(booking.post("/api/bookings/" + id + "/reschedule", "{\"startsAt\":\"" + slot(1) + "\"}",
                "X-Manage-Token", token).statusCode()).isEqualTo(200);
        MimeMessage moved = awaitEmails("ada@example.com", 2).get(1);
        assertThat(moved.getSubject()).startsWith("Moved:");
        assertThat(decodedIcs(ReceivedEmails.source(moved))).as("the same event, updated").contains(uid, "SEQUENCE:1");

        assertThat(booking.post("/api/bookings/" + id + "/cancel", null, "X-Manage-Token", token).statusCode())
            .isEqualTo(200);
        MimeMessage cancellation = awaitEmails("ada@example.com", 3).get(2);
        assertThat(cancellation.getSubject()).startsWith("Cancelled:");
        assertThat(decodedIcs(ReceivedEmails.source(cancellation))).contains("METHOD:CANCEL", uid, "SEQUENCE:2");
    }

    @Test
    void aHeldBookingIsConfirmedOnceTheStaffApproves() throws Exception {
        String held = request("grace@example.com", slot(2), false).replace("\"aneurysm\": false", "\"aneurysm\": true");
        HttpResponse<String> created = booking.post("/api/bookings", held);
        assertThat(json.readTree(created.body()).get("status").asString()).isEqualTo("PENDING_REVIEW");
        String id = json.readTree(created.body()).get("id").asString();
        MimeMessage notice = awaitEmails("grace@example.com", 1).get(0);
        assertThat(notice.getSubject()).startsWith("We have your booking request");
        assertThat(ReceivedEmails.source(notice).toLowerCase()).doesNotContain("aneurysm");

        String credentials = Base64.getEncoder().encodeToString(("staff:" + STAFF_PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(booking.post("/api/staff/bookings/" + id + "/approve", null, "Authorization", "Basic " + credentials)
            .statusCode()).isEqualTo(200);
        assertThat(awaitEmails("grace@example.com", 2).get(1).getSubject()).startsWith("Confirmed:");
    }

    @Test
    void theHydrationReminderArrivesWhenDueAndTheTimelineShowsTheRestOfTheChain() throws Exception {
        HttpResponse<String> created = booking.post("/api/bookings",
                request("hydrate@example.com", REMINDED_SLOT, false).replace("America/New_York", "Etc/UTC"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json.readTree(created.body()).get("id").asString();

        assertThat(Instant.now()).as("booked before its reminder is due").isBefore(reminderDue);
        await().atMost(Duration.between(Instant.now(), reminderDue).plus(Waits.STEP))
            .until(() -> ReceivedEmails.to(smtp, "hydrate@example.com").size() >= 2);
        MimeMessage reminder = awaitEmails("hydrate@example.com", 2).get(1);
        assertThat(reminder.getSubject()).endsWith(": drink plenty of water");

        String credentials = Base64.getEncoder().encodeToString(("staff:" + STAFF_PASSWORD).getBytes(StandardCharsets.UTF_8));
        JsonNode timeline = json.readTree(notification.get("/api/bookings/" + id + "/notifications",
                "Authorization", "Basic " + credentials).body());
        Map<String, JsonNode> steps = new HashMap<>();
        timeline.get("notifications").valueStream().forEach((step) -> steps.put(step.get("kind").asString(), step));
        assertThat(steps.get("HYDRATION_REMINDER").get("status").asString()).isEqualTo("SENT");
        assertThat(steps.get("HYDRATION_REMINDER").get("messageId").asString()).isEqualTo(reminder.getMessageID());
        assertThat(steps.get("HYDRATION_REMINDER").get("dueAt").asString()).isEqualTo(reminderDue.toString());
        assertThat(Instant.parse(steps.get("HYDRATION_REMINDER").get("sentAt").asString())).isAfterOrEqualTo(reminderDue);
        Instant end = REMINDED_SLOT.toInstant().plus(Duration.ofHours(1));
        assertThat(steps.get("AFTERCARE").get("dueAt").asString()).isEqualTo(end.plus(Duration.ofHours(2)).toString());
        assertThat(steps.get("INTEGRATION_CHECK_IN").get("dueAt").asString()).isEqualTo(end.plus(Duration.ofDays(3)).toString());
        assertThat(steps.get("AFTERCARE").get("status").asString()).isEqualTo("SCHEDULED");
    }

    @Test
    void oneTraceRunsFromTheBookingRequestThroughKafkaToTheLogLineOfItsEmail() throws Exception {
        HttpResponse<String> created = booking.post("/api/bookings", request("traced@example.com", slot(3), false));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json.readTree(created.body()).get("id").asString();
        String traceId = created.headers().firstValue("X-Trace-Id").orElseThrow();
        awaitEmails("traced@example.com", 1);

        JsonNode sent = await().atMost(Waits.STEP).until(() -> notification.logLines().stream()
            .filter((line) -> line.startsWith("{") && line.contains("Sent BOOKING_CONFIRMED"))
            .map(json::readTree)
            .filter((line) -> id.equals(line.path("bookingId").asString()))
            .findFirst().orElse(null), java.util.Objects::nonNull);
        assertThat(sent.get("traceId").asString()).isEqualTo(traceId);
        // ids, not addresses
        assertThat(sent.get("message").asString()).contains(id).doesNotContain("traced@example.com");
    }

    @Test
    void everyServiceShowsItsFiguresToPrometheusAfterABooking() throws Exception {
        assertThat(booking.post("/api/bookings", request("counted@example.com", slot(4), false)).statusCode())
            .isEqualTo(201);
        awaitEmails("counted@example.com", 1);
        assertThat(metric(booking, "spring_kafka_template_seconds_count", "messaging_destination_name=\"booking.events\""))
            .isPositive();
        assertThat(metric(booking, "stillpoint_outbox_backlog", "")).isZero();
        assertThat(metric(notification, "spring_kafka_listener_seconds_count", "messaging_source_name=\"booking.events\""))
            .isPositive();
        assertThat(metric(notification, "stillpoint_emails_total", "kind=\"BOOKING_CONFIRMED\",outcome=\"sent\""))
            .isPositive();
        assertThat(metric(notification, "stillpoint_smtp_send_seconds_count", "outcome=\"accepted\"")).isPositive();
        assertThat(metric(notification, "stillpoint_reminders_scheduled", "")).isPositive();
        assertThat(metric(newsletter, "stillpoint_newsletter_issues_sending", "")).isZero();
    }

    /** The value of the first sample of {@code name} whose labels contain {@code labels}. */
    private static double metric(ServiceProcess service, String name, String labels) throws Exception {
        HttpResponse<String> scrape = service.get("/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        return scrape.body().lines()
            .filter((line) -> line.startsWith(name + "{") && line.contains(labels))
            .mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no " + name + " {" + labels + "} in " + service));
    }

    @Test
    void erasingAClientReachesEveryServiceAndEachReportsBack() throws Exception {
        new ErasureJourney(booking, newsletter, ledger, STAFF_PASSWORD).run(request("forget-me@example.com", slot(5), false));
    }

    @Test
    void aBouncedNewsletterRecipientIsSkippedByTheNextIssueAndAComplaintUnsubscribes() throws Exception {
        new BounceJourney(newsletter, notification, smtp, bounces, ledger, STAFF_PASSWORD).run();
    }

    @Test
    void theNewsletterServiceIsUpOnTheSameInfrastructure() throws Exception {
        HttpResponse<String> health = newsletter.get("/actuator/health");
        JsonNode body = json.readTree(health.body());
        assertThat(body.get("status").asString()).isEqualTo("UP");
        assertThat(body.at("/components/db/status").asString()).isEqualTo("UP");
    }

    private static List<MimeMessage> awaitEmails(String address, int count) {
        return ledger.awaitEmails(address, count);
    }

    /** The calendar part may be base64 or quoted-printable on the wire: read it through Jakarta Mail. */
    private static String decodedIcs(String source) throws Exception {
        MimeMessage message = new MimeMessage(null, new java.io.ByteArrayInputStream(source.getBytes(StandardCharsets.UTF_8)));
        jakarta.mail.Multipart mixed = (jakarta.mail.Multipart) message.getContent();
        for (int i = 0; i < mixed.getCount(); i++) {
            if (mixed.getBodyPart(i).isMimeType("text/calendar")) {
                return new String(mixed.getBodyPart(i).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no text/calendar part");
    }

    /**
     * 10:00 London, inside the practice's default opening hours: index 0 is the Monday a week or more ahead, 1 the
     * Tuesday after it, -2 the Saturday before it.
     */
    private static OffsetDateTime slot(int index) {
        ZoneId london = ZoneId.of("Europe/London");
        LocalDate monday = LocalDate.now(london).plusWeeks(1).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        return monday.plusDays(index).atTime(LocalTime.of(10, 0)).atZone(london).toOffsetDateTime();
    }

    private static String request(String email, OffsetDateTime startsAt, boolean newsletter) {
        return """
                {"client": {"name": "Test Client", "email": "%s", "timeZone": "America/New_York"},
                 "sessionType": "CST_60", "startsAt": "%s", "newsletterOptIn": %s,
                 "screening": {"aneurysm": false, "cerebralHemorrhage": false, "bleedingDisorder": false, "intracranialPressure": false}}
                """.formatted(email, startsAt, newsletter);
    }

}
