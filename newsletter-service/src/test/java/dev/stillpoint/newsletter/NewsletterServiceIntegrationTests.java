package dev.stillpoint.newsletter;

import dev.stillpoint.embedded.TestPostgres;
import dev.stillpoint.events.newsletter.NewsletterTopics;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class NewsletterServiceIntegrationTests {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaAdmin admin;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestPostgres.jdbcUrl("newsletter"));
        registry.add("spring.datasource.username", TestPostgres::username);
        registry.add("spring.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
    }

    @Test
    void startsHealthyWithItsSchemaAndItsTopic() {
        this.http.get().uri("/actuator/health").exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.components.db.status").isEqualTo("UP");
        this.http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        assertThat(this.jdbc.sql("select max(version) from newsletter.flyway_schema_history").query(String.class).single())
            .isEqualTo("1");
        assertThat(this.admin.describeTopics(NewsletterTopics.NEWSLETTER_EVENTS))
            .containsKey(NewsletterTopics.NEWSLETTER_EVENTS);
    }

}
