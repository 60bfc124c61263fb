package dev.stillpoint.booking;

import dev.stillpoint.embedded.TestPostgres;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** booking-service on a random port, with a real PostgreSQL and the run's embedded Kafka broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "stillpoint.staff.password=test-staff-secret", "stillpoint.booking.manage-link-secret=test-secret",
                IntegrationTestBase.LOOPBACK_UNLIMITED })
@AutoConfigureRestTestClient
public abstract class IntegrationTestBase {

    /**
     * The tests' own requests come from loopback and are not limited; a test of the limits comes from elsewhere, as
     * the proxy in front would say (X-Forwarded-For, trusted from loopback).
     */
    public static final String LOOPBACK_UNLIMITED = "stillpoint.rate-limit.unlimited-addresses=127.0.0.1,::1";

    public static final String STAFF_USER = "staff";

    public static final String STAFF_PASSWORD = "test-staff-secret";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestPostgres.jdbcUrl("booking"));
        registry.add("spring.datasource.username", TestPostgres::username);
        registry.add("spring.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
    }

}
