package dev.stillpoint.systemtests;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The deployment itself: docker-compose.yml brought up as it is (images built from this repository, Kafka,
 * PostgreSQL, Mailpit, kafka-ui), a session booked through booking-service, and its confirmation found through
 * Mailpit's API. Needs a Docker engine; without one JUnit skips it and CI prints that it did.
 */
@Testcontainers(disabledWithoutDocker = true)
class DockerComposeDeploymentIntegrationTests {

    private static final JsonMapper json = JsonMapper.builder().build();

    @Container
    static final ComposeContainer deployment = new ComposeContainer(new File("../docker-compose.yml"))
        .withBuild(true)
        .withEnv(Map.of("STILLPOINT_STAFF_PASSWORD", "compose-staff", "STILLPOINT_OPS_PASSWORD", "compose-ops",
                "STILLPOINT_BOOKING_MANAGE_LINK_SECRET", "compose-manage-links-key-of-32-bytes-or-more",
                "STILLPOINT_NEWSLETTER_TOKEN_SECRET", "compose-newsletter-key-of-32-bytes-or-more"))
        .withExposedService("booking-service-1", 8081, Wait.forHealthcheck())
        .withExposedService("notification-service-1", 8082, Wait.forHealthcheck())
        .withExposedService("newsletter-service-1", 8083, Wait.forHealthcheck())
        .withExposedService("mailpit-1", 8025, Wait.forHealthcheck())
        .withStartupTimeout(Duration.ofMinutes(15));

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aSessionBookedThroughTheDeploymentIsConfirmedByEmail() throws Exception {
        String address = "compose@example.com";
        LocalDate monday = LocalDate.now(ZoneId.of("Europe/London")).plusWeeks(1)
            .with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        String startsAt = monday.atTime(LocalTime.of(10, 0)).atZone(ZoneId.of("Europe/London")).toOffsetDateTime()
            .toString();
        HttpResponse<String> booked = this.http.send(HttpRequest.newBuilder(uri("booking-service-1", 8081, "/api/bookings"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("""
                    {"client": {"name": "Compose Client", "email": "%s", "timeZone": "Europe/London"},
                     "sessionType": "CST_60", "startsAt": "%s", "newsletterOptIn": false,
                     "screening": {"aneurysm": false, "cerebralHemorrhage": false, "bleedingDisorder": false,
                                   "intracranialPressure": false}}""".formatted(address, startsAt)))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);

        URI search = uri("mailpit-1", 8025,
                "/api/v1/search?query=" + URLEncoder.encode("to:" + address, StandardCharsets.UTF_8));
        JsonNode found = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
            .until(() -> json.readTree(this.http.send(HttpRequest.newBuilder(search).build(),
                    HttpResponse.BodyHandlers.ofString()).body()), (result) -> result.path("messages_count").asInt() > 0);
        assertThat(found.at("/messages/0/Subject").asString()).startsWith("Confirmed: your CranioSacral session on");
    }

    private static URI uri(String service, int port, String path) {
        return URI.create("http://" + deployment.getServiceHost(service, port) + ":"
                + deployment.getServicePort(service, port) + path);
    }

}
