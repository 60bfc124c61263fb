package dev.stillpoint.support.retention;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long each retention rule keeps its data, overriding the rule's default
 * ({@code STILLPOINT_RETENTION_KEEP_OUTBOX=14d}).
 *
 * @param keep by rule name
 * @param interval how often the rules run
 */
@ConfigurationProperties("stillpoint.retention")
public record RetentionProperties(@DefaultValue Map<String, Duration> keep, @DefaultValue("1h") Duration interval) {
}
