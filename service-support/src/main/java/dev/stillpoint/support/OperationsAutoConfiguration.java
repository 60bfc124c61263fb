package dev.stillpoint.support;

import java.time.Duration;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.kafka.core.KafkaAdmin;

/** Kafka's part in health, traces carried across deferred work, and the trace id of each HTTP request in its response. */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
public class OperationsAutoConfiguration {

    @Bean
    @ConditionalOnBean(KafkaAdmin.class)
    @ConditionalOnEnabledHealthIndicator("kafka")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaHealthIndicator(admin, Duration.ofSeconds(3));
    }

    @Bean
    TraceParents traceParents(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new TraceParents(tracer, propagator);
    }

    @Bean
    @ConditionalOnWebApplication
    FilterRegistrationBean<TraceIdResponseHeader> traceIdResponseHeader(ObjectProvider<Tracer> tracer) {
        FilterRegistrationBean<TraceIdResponseHeader> registration = new FilterRegistrationBean<>(
                new TraceIdResponseHeader(tracer));
        // after the observation filter, which starts the request's span
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

}
