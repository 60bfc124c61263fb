package dev.stillpoint.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param safetyPollInterval how often the relay looks for unpublished events unprompted: each commit that writes one
 * wakes it at once, so this is only a backstop
 * @param batchSize the most events it publishes in one go
 * @param sendTimeout how long it waits for the broker to acknowledge a batch before trying again later
 */
@ConfigurationProperties("stillpoint.outbox")
record OutboxProperties(@DefaultValue("10s") Duration safetyPollInterval, @DefaultValue("200") int batchSize,
        @DefaultValue("15s") Duration sendTimeout) {
}
