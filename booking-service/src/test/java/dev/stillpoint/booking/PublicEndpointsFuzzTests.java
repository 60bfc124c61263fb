package dev.stillpoint.booking;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.stillpoint.embedded.TestPostgres;
import dev.stillpoint.embedded.fuzz.FuzzTarget;
import dev.stillpoint.embedded.fuzz.HostileInput;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static dev.stillpoint.embedded.fuzz.FuzzTarget.encode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public endpoint of booking-service, fed what the internet sends: thousands of generated bodies, headers and
 * parameters. No answer is a 5xx, every 4xx of the API is a problem detail, and a name full of markup or line breaks
 * is shown escaped. Runs its own instance on its own database, so nothing it books reaches another test.
 */
class PublicEndpointsFuzzTests {

    private static final int TRIES = 500;

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static ConfigurableApplicationContext service;

    private static FuzzTarget target;

    private static Map<String, String> formSession;

    @BeforeContainer
    static void start() {
        service = new SpringApplicationBuilder(BookingServiceApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + TestPostgres.jdbcUrl("booking_fuzz"),
                "--spring.datasource.username=" + TestPostgres.username(),
                "--spring.kafka.bootstrap-servers=" + System.getProperty("spring.embedded.kafka.brokers"),
                "--stillpoint.booking.manage-link-secret=fuzz-secret", "--stillpoint.staff.password=fuzz-staff",
                "--" + IntegrationTestBase.LOOPBACK_UNLIMITED, "--logging.level.root=error",
                // its listeners stay off: the fuzzing is of HTTP, and the test run's consumer groups are others'
                "--spring.kafka.listener.auto-startup=false");
        target = new FuzzTarget("booking-service",
                Integer.parseInt(service.getEnvironment().getProperty("local.server.port")));
        // a browser's session and CSRF token, so that the forms' posts reach the code behind them
        HttpResponse<String> page = target.send("GET /book", "GET", "/book", Map.of(), null, null);
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).isTrue();
        formSession = Map.of("Cookie", page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0],
                "X-CSRF-TOKEN", csrf.group(1));
    }

    @AfterContainer
    static void stop() {
        System.out.print(target.figures());
        service.close();
    }

    @Property(tries = TRIES)
    void bookingAndSeriesBodies(@ForAll("bookingBodies") String body, @ForAll boolean series) {
        target.send(series ? "POST /api/booking-series" : "POST /api/bookings", "POST",
                series ? "/api/booking-series" : "/api/bookings", Map.of(), "application/json", body);
    }

    @Property(tries = TRIES)
    void oneBookingsApi(@ForAll("ids") String id, @ForAll("hostile") String token, @ForAll("rescheduleBodies") String body,
            @ForAll("apiCalls") String call) {
        String method = call.substring(0, call.indexOf(' '));
        String path = call.substring(call.indexOf(' ') + 1).replace("{id}", encode(id));
        target.send(call, method, path, Map.of("X-Manage-Token", headerSafe(token)), "application/json",
                method.equals("POST") ? body : null);
    }

    @Property(tries = TRIES)
    void bookingPage(@ForAll("hostile") String type, @ForAll("hostile") String sessions, @ForAll("hostile") String zone,
            @ForAll("hostile") String from, @ForAll("hostile") String name, @ForAll("hostile") String email,
            @ForAll("hostile") String startsAt) {
        target.send("GET /book", "GET", "/book?type=" + encode(type) + "&sessions=" + encode(sessions) + "&tz="
                + encode(zone) + "&from=" + encode(from), Map.of(), null, null);
        String form = "sessionType=" + encode(type) + "&sessions=" + encode(sessions) + "&timeZone=" + encode(zone)
                + "&startsAt=" + encode(startsAt) + "&name=" + encode(name) + "&email=" + encode(email)
                + "&aneurysm=false&cerebralHemorrhage=false&bleedingDisorder=false&intracranialPressure=" + encode(from);
        HttpResponse<String> answer = target.send("POST /book", "POST", "/book", formSession,
                "application/x-www-form-urlencoded", form);
        if (name.contains("<script>")) {
            assertThat(answer.body()).doesNotContain("<script>alert(1)</script>");
        }
    }

    @Property(tries = TRIES)
    void managePage(@ForAll("ids") String id, @ForAll("hostile") String token, @ForAll("hostile") String zone,
            @ForAll("hostile") String value, @ForAll("managePaths") String action) {
        String manage = "/bookings/" + encode(id) + "/manage";
        if (action.isEmpty()) {
            target.send("GET /bookings/{id}/manage", "GET", manage + "?token=" + encode(token) + "&tz=" + encode(zone)
                    + "&from=" + encode(value), Map.of(), null, null);
            return;
        }
        target.send("POST /bookings/{id}/manage/" + action, "POST", manage + "/" + action, formSession,
                "application/x-www-form-urlencoded", "token=" + encode(token) + "&tz=" + encode(zone) + "&startsAt="
                        + encode(value) + "&week=" + encode(value) + "&rest=" + encode(value));
    }

    @Property(tries = TRIES)
    void waitlistAndPreferencesPages(@ForAll("ids") String id, @ForAll("hostile") String token,
            @ForAll("hostile") String value, @ForAll("hostile") String other, @ForAll("linkPages") String call) {
        String method = call.substring(0, call.indexOf(' '));
        String path = call.substring(call.indexOf(' ') + 1).replace("{id}", encode(id));
        if (method.equals("GET")) {
            target.send(call, method, path + "?token=" + encode(token) + "&tz=" + encode(value) + "&type="
                    + encode(other), Map.of(), null, null);
            return;
        }
        target.send(call, method, path, formSession, "application/x-www-form-urlencoded", "token=" + encode(token)
                + "&sessionType=" + encode(other) + "&timeZone=" + encode(value) + "&firstDay=" + encode(value)
                + "&lastDay=" + encode(other) + "&days=" + encode(value) + "&earliest=" + encode(other) + "&latest="
                + encode(value) + "&name=" + encode(other) + "&email=" + encode(value) + "&aneurysm=" + encode(other)
                + "&cerebralHemorrhage=false&bleedingDisorder=false&intracranialPressure=false&morningOf="
                + encode(value) + "&checkIn=" + encode(other));
    }

    @Provide
    Arbitrary<String> linkPages() {
        return Arbitraries.of("GET /waitlist", "POST /waitlist", "GET /waitlist/offers/{id}",
                "POST /waitlist/offers/{id}", "GET /waitlist/{id}/leave", "POST /waitlist/{id}/leave",
                "GET /preferences/{id}", "POST /preferences/{id}");
    }

    @Provide
    Arbitrary<String> hostile() {
        return HostileInput.strings();
    }

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.oneOf(HostileInput.strings(), Arbitraries.create(() -> java.util.UUID.randomUUID().toString()));
    }

    @Provide
    Arbitrary<String> apiCalls() {
        return Arbitraries.of("GET /api/bookings/{id}", "POST /api/bookings/{id}/reschedule",
                "POST /api/bookings/{id}/cancel", "GET /api/booking-series/{id}");
    }

    @Provide
    Arbitrary<String> managePaths() {
        return Arbitraries.of("", "reschedule", "cancel", "erase");
    }

    @Provide
    Arbitrary<String> rescheduleBodies() {
        return HostileInput.jsonBodies(List.of("startsAt"),
                HostileInput.strings().map((start) -> "{\"startsAt\":" + HostileInput.quoted(start) + "}"));
    }

    @Provide
    Arbitrary<String> bookingBodies() {
        Arbitrary<String> start = Arbitraries.oneOf(HostileInput.strings(), Arbitraries.integers().between(14, 300)
            .map((days) -> ZonedDateTime.of(LocalDate.now().plusDays(days).atTime(10, 0), ZoneId.of("Europe/London"))
                .toOffsetDateTime().toString()));
        Arbitrary<String> zone = Arbitraries.oneOf(HostileInput.strings(), Arbitraries.of(ZoneId.getAvailableZoneIds()));
        Arbitrary<String> valid = Combinators.combine(HostileInput.strings(), HostileInput.strings(), zone,
                Arbitraries.of("CST_60", "CST_75", "CST_90", ""), start, HostileInput.jsonValues(),
                Arbitraries.of(5, 10, 7, 0, -1))
            .as((name, email, tz, type, at, answer, sessions) -> "{\"client\":{\"name\":" + HostileInput.quoted(name)
                    + ",\"email\":" + HostileInput.quoted(email) + ",\"timeZone\":" + HostileInput.quoted(tz)
                    + "},\"sessionType\":\"" + type + "\",\"startsAt\":" + HostileInput.quoted(at)
                    + ",\"sessions\":" + sessions + ",\"newsletterOptIn\":false,\"screening\":{\"aneurysm\":" + answer
                    + ",\"cerebralHemorrhage\":false,\"bleedingDisorder\":false,\"intracranialPressure\":false}}");
        return HostileInput.jsonBodies(List.of("client", "sessionType", "startsAt", "sessions", "newsletterOptIn",
                "screening"), valid);
    }

    /** A header cannot carry CR, LF or other controls (the HTTP client refuses to send them): those become '?'. */
    private static String headerSafe(String value) {
        String safe = value.replaceAll("[^\\x20-\\x7e]", "?");
        return safe.length() > 4000 ? safe.substring(0, 4000) : safe;
    }

}
