package dev.stillpoint.notification.bounce;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How bounces and complaints are read and what they do.
 *
 * @param softLimit how many soft bounces in a row (none further apart than {@code softWindow} from the first, no
 * delivery reported between them) suppress an address, as one hard bounce does
 * @param softWindow how far back soft bounces count
 * @param retention how long the bounce log keeps a report
 * @param mailbox the bounce mailbox, read over IMAP; off while its host is unset
 * @param webhook the endpoint a mail provider posts its bounce and complaint events to
 */
@ConfigurationProperties("stillpoint.bounces")
public record BounceProperties(@DefaultValue("3") int softLimit, @DefaultValue("30d") Duration softWindow,
        @DefaultValue("180d") Duration retention, @DefaultValue Mailbox mailbox, @DefaultValue Webhook webhook) {

    /**
     * @param host the IMAP server; unset: the mailbox is not read
     * @param port its port; unset: the protocol's own (143, 993)
     * @param protocol {@code imap}, or {@code imaps} for TLS from the first byte
     * @param username the mailbox's login
     * @param password its password
     * @param folder where bounces arrive
     * @param pollInterval how often it is read (by one instance at a time)
     */
    public record Mailbox(String host, Integer port, @DefaultValue("imaps") String protocol, String username,
            String password, @DefaultValue("INBOX") String folder, @DefaultValue("1m") Duration pollInterval) {

        boolean enabled() {
            return this.host != null && !this.host.isBlank();
        }

    }

    /**
     * @param secret the bearer token a provider sends ({@code Authorization: Bearer <secret>}); unset: the webhook
     * answers 404
     */
    public record Webhook(String secret) {

        boolean enabled() {
            return this.secret != null && !this.secret.isBlank();
        }

    }

}
