package dev.stillpoint.newsletter;

import java.util.List;
import java.util.Map;

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

/**
 * Every public endpoint of newsletter-service, fed what the internet sends: subscription bodies, tokens of every shape
 * on the confirm, unsubscribe and data links, archive ids. No answer is a 5xx, and every 4xx of the API is a problem
 * detail. Runs its own instance on its own database.
 */
class PublicEndpointsFuzzTests {

    private static final int TRIES = 500;

    private static ConfigurableApplicationContext service;

    private static FuzzTarget target;

    @BeforeContainer
    static void start() {
        service = new SpringApplicationBuilder(NewsletterServiceApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + TestPostgres.jdbcUrl("newsletter_fuzz"),
                "--spring.datasource.username=" + TestPostgres.username(),
                "--spring.kafka.bootstrap-servers=" + System.getProperty("spring.embedded.kafka.brokers"),
                "--stillpoint.newsletter.token-secret=fuzz-secret", "--stillpoint.staff.password=fuzz-staff",
                "--spring.mail.port=1", "--" + NewsletterTestBase.LOOPBACK_UNLIMITED, "--logging.level.root=error",
                // its listeners stay off: the fuzzing is of HTTP, and the test run's consumer groups are others'
                "--spring.kafka.listener.auto-startup=false");
        target = new FuzzTarget("newsletter-service",
                Integer.parseInt(service.getEnvironment().getProperty("local.server.port")));
    }

    @AfterContainer
    static void stop() {
        System.out.print(target.figures());
        service.close();
    }

    @Property(tries = TRIES)
    void subscriptions(@ForAll("subscriptionBodies") String body) {
        target.send("POST /api/subscribers", "POST", "/api/subscribers", Map.of(), "application/json", body);
    }

    @Property(tries = TRIES)
    void links(@ForAll("linkPaths") String link, @ForAll("tokens") String token, @ForAll boolean post) {
        String method = (post && !link.endsWith(".json") && !link.equals("/subscriber/data")) ? "POST" : "GET";
        target.send(method + " " + link, method, link + "?token=" + encode(token), Map.of(),
                "application/x-www-form-urlencoded", post ? "List-Unsubscribe=One-Click" : null);
    }

    @Property(tries = TRIES)
    void archive(@ForAll("hostile") String id, @ForAll("hostile") String page) {
        target.send("GET /newsletter/{id}", "GET", "/newsletter/" + encode(id), Map.of(), null, null);
        target.send("GET /newsletter", "GET", "/newsletter?page=" + encode(page), Map.of(), null, null);
    }

    @Provide
    Arbitrary<String> hostile() {
        return HostileInput.strings();
    }

    @Provide
    Arbitrary<String> linkPaths() {
        return Arbitraries.of("/subscribe/confirm", "/unsubscribe", "/subscriber/data", "/subscriber/data.json",
                "/subscriber/data/erase");
    }

    /** Hostile strings, and strings shaped like tokens: id.key.signature, with an expiry, cut short, padded. */
    @Provide
    Arbitrary<String> tokens() {
        Arbitrary<String> part = Arbitraries.strings().withChars("ABCDEFabcdef0123456789-_=+/").ofMaxLength(30);
        Arbitrary<String> shaped = Combinators.combine(part, part, part, Arbitraries.integers().between(1, 4))
            .as((a, b, c, parts) -> String.join(".", List.of(a, b, c, "9999999999").subList(0, parts)));
        return Arbitraries.oneOf(HostileInput.strings(), shaped);
    }

    @Provide
    Arbitrary<String> subscriptionBodies() {
        Arbitrary<String> valid = Combinators.combine(HostileInput.strings(), HostileInput.strings())
            .as((email, name) -> "{\"email\":" + HostileInput.quoted(email) + ",\"name\":" + HostileInput.quoted(name)
                    + "}");
        return HostileInput.jsonBodies(List.of("email", "name"), valid);
    }

}
