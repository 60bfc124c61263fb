package dev.stillpoint.support;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings every service shares are defaults: present when nothing else sets them, and overridden when it does. */
class OperationsDefaultsTests {

    @Test
    void everyWaitOnTheBrokerIsBoundedUnlessAServiceSaysOtherwise() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("service",
                Map.of("spring.kafka.producer.properties.delivery.timeout.ms", "20000")));
        new OperationsDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.kafka.producer.properties.max.block.ms")).isEqualTo("5000");
        assertThat(environment.getProperty("spring.kafka.producer.properties.request.timeout.ms")).isEqualTo("5000");
        assertThat(environment.getProperty("spring.kafka.producer.properties.delivery.timeout.ms")).isEqualTo("20000");
        assertThat(environment.getProperty("spring.kafka.admin.modify-topic-configs")).isEqualTo("true");
        assertThat(environment.getProperty("spring.kafka.consumer.properties.session.timeout.ms")).isEqualTo("10000");
    }

}
