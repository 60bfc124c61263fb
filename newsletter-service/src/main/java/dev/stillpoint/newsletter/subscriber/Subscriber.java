package dev.stillpoint.newsletter.subscriber;

import java.util.UUID;

/**
 * Someone on the newsletter's list.
 *
 * @param id stable for the address, also across unsubscribing and subscribing again
 * @param email where issues go
 * @param name how to greet them; may be {@code null}
 * @param status {@code PENDING} until they confirm, then {@code CONFIRMED}, or {@code UNSUBSCRIBED}
 */
public record Subscriber(UUID id, String email, String name, Status status) {

    public enum Status {

        PENDING, CONFIRMED, UNSUBSCRIBED

    }

    /** Where a subscription came from. */
    public enum Source {

        FORM, BOOKING, IMPORT

    }

}
