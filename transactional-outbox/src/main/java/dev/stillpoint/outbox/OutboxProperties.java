package dev.stillpoint.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pollInterval how often the relay looks for unpublished events
 * @param batchSize the most events it publishes in one go
 * @param sendTimeout how long it waits for the broker to acknowledge a batch before trying again later
 */
@ConfigurationProperties("stillpoint.outbox")
record OutboxProperties(@DefaultValue("200ms") Duration pollInterval, @DefaultValue("200") int batchSize,
        @DefaultValue("15s") Duration sendTimeout) {
}
