package dev.stillpoint.notification.delivery;

import java.time.Duration;

import dev.stillpoint.mail.RetrySchedule;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param safetyPollInterval how often the dispatcher looks for due emails unprompted: a new due email wakes it at
 * once, and it sleeps exactly until the next retry, so this is only a backstop
 * @param batchSize the most emails one instance claims at once
 * @param lease how long a claim lasts unless renewed: an instance renews the claims it works on every third of a
 * lease, and the emails of one that died are taken over by another after at most this
 * @param initialRetryDelay the wait after the first transient failure; it doubles with each failure
 * @param maxRetryDelay the longest wait between two attempts
 * @param maxAttempts after this many transient failures the email is marked failed
 * @param senders how many emails one instance sends at the same time, each over its own SMTP connection
 * @param messageIdDomain the domain of Message-IDs; when unset, that of the sender's address
 * @param instanceName this instance's name on its claims, the same after a restart so that it takes its claims back at
 * once; when unset, the host name and {@code server.port}
 */
@ConfigurationProperties("stillpoint.delivery")
public record DeliveryProperties(@DefaultValue("10s") Duration safetyPollInterval, @DefaultValue("50") int batchSize,
        @DefaultValue("10s") Duration lease, @DefaultValue("5s") Duration initialRetryDelay,
        @DefaultValue("30m") Duration maxRetryDelay, @DefaultValue("30") int maxAttempts, @DefaultValue("4") int senders,
        String messageIdDomain, String instanceName) {

    /** When an email the SMTP server did not take is tried again, and when it is given up on. */
    RetrySchedule retries() {
        return new RetrySchedule(this.initialRetryDelay, this.maxRetryDelay, this.maxAttempts);
    }

}
