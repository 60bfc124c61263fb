package dev.stillpoint.notification;

import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.stillpoint.embedded.KraftBroker;
import dev.stillpoint.embedded.TestPostgres;
import dev.stillpoint.embedded.fuzz.FuzzTarget;
import dev.stillpoint.embedded.fuzz.HostileInput;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static dev.stillpoint.embedded.fuzz.FuzzTarget.encode;

/**
 * notification-service's only public endpoints are its probes and the sign-in; everything else needs a role. Hostile
 * paths, methods, credentials and parameters get a 4xx (a problem detail on {@code /api/**}) or a redirect to the
 * sign-in, never a 5xx. Runs its own instance on its own database, with its listeners off.
 */
class PublicEndpointsFuzzTests {

    private static final int TRIES = 500;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ConfigurableApplicationContext service;

    private static FuzzTarget target;

    /** An SMTP server to be healthy with (its health would otherwise rightly answer 503). */
    private static GreenMail smtp;

    @BeforeContainer
    static void start() {
        smtp = new GreenMail(new ServerSetup(KraftBroker.freePort(), "127.0.0.1", "smtp"));
        smtp.start();
        service = new SpringApplicationBuilder(NotificationServiceApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + TestPostgres.jdbcUrl("notification_fuzz"),
                "--spring.datasource.username=" + TestPostgres.username(),
                "--spring.kafka.bootstrap-servers=" + System.getProperty("spring.embedded.kafka.brokers"),
                "--stillpoint.ops.password=fuzz-ops", "--stillpoint.staff.password=fuzz-staff", "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(), "--logging.level.root=error", "--spring.kafka.listener.auto-startup=false",
                "--stillpoint.bounces.webhook.secret=fuzz-webhook", "--stillpoint.rate-limit.unlimited-addresses=127.0.0.1,::1");
        target = new FuzzTarget("notification-service",
                Integer.parseInt(service.getEnvironment().getProperty("local.server.port")));
    }

    @AfterContainer
    static void stop() {
        System.out.print(target.figures());
        service.close();
        smtp.stop();
    }

    @Property(tries = TRIES)
    void anyPathAnyMethodAnyCredentials(@ForAll("roots") String root, @ForAll("hostile") String segment,
            @ForAll("methods") String method, @ForAll("credentials") String authorization,
            @ForAll("hostile") String parameter) {
        target.send("any method " + root + "*", method, root + encode(segment) + "?q=" + encode(parameter),
                Map.of("Authorization", authorization), "application/json", method.equals("GET") ? null : parameter);
    }

    /** Each sign-in checks a bcrypt hash (deliberately slow), so fewer tries. */
    @Property(tries = 200)
    void signIn(@ForAll("hostile") String username, @ForAll("hostile") String password) {
        target.send("POST /ops/login", "POST", "/ops/login", Map.of(), "application/x-www-form-urlencoded",
                "username=" + encode(username) + "&password=" + encode(password));
        target.send("GET /actuator/health", "GET", "/actuator/health", Map.of(), null, null);
    }

    /** The bounce webhook, with its secret: hostile events, or a hostile body, answer 4xx (or 200), never 5xx. */
    @Property(tries = 300)
    void bounceWebhook(@ForAll("hostile") String id, @ForAll("kinds") String type, @ForAll("hostile") String email,
            @ForAll("hostile") String text, @ForAll boolean raw) {
        String body = raw ? text : "{\"events\": [{\"id\": " + JSON.writeValueAsString(id) + ", \"type\": "
                + JSON.writeValueAsString(type) + ", \"bounceType\": \"hard\", \"email\": "
                + JSON.writeValueAsString(email) + ", \"returnPath\": " + JSON.writeValueAsString(text)
                + ", \"diagnostic\": " + JSON.writeValueAsString(text) + "}]}";
        target.send("POST /webhooks/bounces", "POST", "/webhooks/bounces",
                Map.of("Authorization", "Bearer fuzz-webhook"), "application/json", body);
    }

    @Provide
    Arbitrary<String> kinds() {
        return Arbitraries.oneOf(Arbitraries.of("bounce", "complaint", "delivery"), HostileInput.strings());
    }

    @Provide
    Arbitrary<String> roots() {
        return Arbitraries.of("/ops/", "/ops/dead-letters/", "/ops/topics/", "/api/", "/api/staff/bookings/",
                "/actuator/", "/", "/staff/", "/webhooks/");
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH");
    }

    @Provide
    Arbitrary<String> credentials() {
        return Arbitraries.of("Basic b3BzOndyb25n", "Basic !!!", "Bearer x", "Basic ", "Digest x", "Basic "
                + java.util.Base64.getEncoder().encodeToString("ops:fuzz-ops".getBytes()), "x");
    }

    @Provide
    Arbitrary<String> hostile() {
        return HostileInput.strings();
    }

}
