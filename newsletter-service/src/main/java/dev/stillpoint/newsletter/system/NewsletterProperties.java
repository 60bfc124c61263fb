package dev.stillpoint.newsletter.system;

import java.net.URI;
import java.time.Duration;

import dev.stillpoint.mail.RetrySchedule;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How newsletter-service sends.
 *
 * @param publicBaseUrl where subscribers reach this service: confirm and unsubscribe links start with it
 * @param tokenSecret signs the links in emails; keep it secret and stable (unset: one is generated per run, and
 * links from earlier runs stop working)
 * @param fromName the sender's name
 * @param fromAddress the sender's address; its domain is also that of every Message-ID
 * @param ratePerSecond the most emails one instance sends in a second
 * @param ratePerHour the most emails one instance sends in an hour
 * @param senders how many emails one instance sends at once, each over its own SMTP connection
 * @param maxInDoubt how many emails an instance lets be in doubt at once: accepted by the SMTP server, not yet
 * recorded as sent. Each is an extra copy (with its Message-ID) if the instance is killed at that moment, so 1 (the
 * default) sends at most one copy again per crash; each recording waits for the one before, which costs speed only
 * when the throttle is lifted (see README, "Reliability")
 * @param lease how long a recipient stays claimed by an instance unless renewed: the instance renews its claims every
 * third of a lease while it sends, and another takes a dead one's recipients over after at most this (the same
 * Message-ID)
 * @param maxAttempts how many times a recipient is tried while the SMTP server refuses it for the moment
 * ({@code 450}–{@code 459}, such as {@code 452} for a full mailbox); then the recipient is marked {@code FAILED} with the
 * answer, and the issue can end. A server that cannot be reached is waited for however long it takes
 * @param retryDelay the wait before a recipient refused for the moment is tried again, doubling with each attempt up to
 * an hour; the other recipients go on meanwhile
 * @param confirmationInterval an address is sent a confirmation link at most once in this long, however often it is
 * entered (the answer to the form is the same either way)
 * @param dataLinkValidity how long a link to see, download or erase one's data works after the email carrying it
 */
@ConfigurationProperties("stillpoint.newsletter")
public record NewsletterProperties(@DefaultValue("http://localhost:8083") URI publicBaseUrl, String tokenSecret,
        @DefaultValue("Stillpoint CranioSacral Therapy") String fromName,
        @DefaultValue("news@stillpoint.example") String fromAddress, @DefaultValue("50") int ratePerSecond,
        @DefaultValue("50000") int ratePerHour, @DefaultValue("4") int senders, @DefaultValue("1") int maxInDoubt,
        @DefaultValue("10s") Duration lease,
        @DefaultValue("8") int maxAttempts, @DefaultValue("1m") Duration retryDelay,
        @DefaultValue("24h") Duration confirmationInterval,
        @DefaultValue("30d") Duration dataLinkValidity) {

    /**
     * When an email the SMTP server refused for the moment is tried again, and when it is given up on: from
     * {@code retryDelay}, doubling up to an hour, for {@code maxAttempts}.
     */
    public RetrySchedule retries() {
        return new RetrySchedule(this.retryDelay, Duration.ofHours(1), this.maxAttempts);
    }

    /** The domain of Message-IDs: that of the sender's address. */
    public String messageIdDomain() {
        return this.fromAddress.substring(this.fromAddress.indexOf('@') + 1);
    }

    /** A link to {@code path} on this service. */
    public URI link(String path) {
        return URI.create(this.publicBaseUrl.toString().replaceAll("/+$", "") + path);
    }

}
