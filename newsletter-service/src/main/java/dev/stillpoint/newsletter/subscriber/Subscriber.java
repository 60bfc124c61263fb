package dev.stillpoint.newsletter.subscriber;

import java.util.UUID;

/**
 * Someone on the newsletter's list.
 *
 * @param id stable for the address, also across unsubscribing and subscribing again
 * @param email where issues go
 * @param name how to greet them; may be {@code null}
 * @param status {@code PENDING} until they confirm, then {@code CONFIRMED}, or {@code UNSUBSCRIBED}, or
 * {@code BOUNCED} when their address bounced for good (until they subscribe again and confirm)
 */
public record Subscriber(UUID id, String email, String name, Status status) {

    public enum Status {

        PENDING, CONFIRMED, UNSUBSCRIBED, BOUNCED

    }

    /** Where a subscription came from. */
    public enum Source {

        FORM, BOOKING, IMPORT

    }

}
