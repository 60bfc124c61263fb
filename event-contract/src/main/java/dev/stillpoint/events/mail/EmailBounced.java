package dev.stillpoint.events.mail;

import java.time.Instant;
import java.util.UUID;

/**
 * An email of ours bounced, or its recipient reported it as spam. Type {@value MailTopics#EMAIL_BOUNCED_TYPE}; keyed
 * by {@link #emailHash()}, so one address's bounces stay in order. Carries no address: a consumer finds its own
 * email by {@link #token()} and its own records of the address by the hash.
 *
 * @param eventId unique per bounce: a consumer that sees it again does nothing again
 * @param emailHash the recipient's address, hashed
 * ({@link dev.stillpoint.events.privacy.PrivacyTopics#emailHash(String)})
 * @param token the token of the email that bounced (its envelope sender's, see {@code dev.stillpoint.mail.BounceAddress}),
 * or {@code null} when the report did not name one
 * @param kind what the report says
 * @param status the enhanced status code (RFC 3463), such as {@code 5.1.1}; {@code null} for a complaint
 * @param diagnostic the receiving server's own words, such as {@code smtp; 550 5.1.1 no such user}; may be {@code null}
 * @param source where the report came from
 * @param suppress whether the address is to get no more emails it did not ask for: a hard bounce, the soft bounce that
 * made the configured number in a row, or a complaint
 * @param occurredAt when the report says it happened, or when it was received
 */
public record EmailBounced(UUID eventId, String emailHash, String token, Kind kind, String status, String diagnostic,
        Source source, boolean suppress, Instant occurredAt) {

    public enum Kind {

        /** Refused for good (5.x.x): no such mailbox, no such domain. */
        HARD,

        /** Refused for now (4.x.x): a full mailbox, a server down; it may work later. */
        SOFT,

        /** The recipient marked it as spam (a feedback report, or a provider's complaint event). */
        COMPLAINT

    }

    public enum Source {

        /** A delivery status notification or feedback report read from the bounce mailbox. */
        MAILBOX,

        /** A mail provider's event posted to the bounce webhook. */
        WEBHOOK

    }

}
