package dev.stillpoint.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * The operations settings every service shares (which actuator endpoints are exposed, tracing of Kafka records,
 * the SMTP latency histogram), as defaults: a service's {@code application.yml}, the environment and the command
 * line all override them.
 */
class OperationsDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "stillpoint-operations.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources()
                .addLast(new ResourcePropertySource("stillpointOperationsDefaults", new ClassPathResource(RESOURCE)));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
