package dev.stillpoint.events.client;

import java.time.Instant;
import java.util.UUID;

/**
 * A client chose which of the optional emails of their sessions' chain of care they want. Type
 * {@value ClientTopics#PREFERENCES_CHANGED_TYPE}; keyed by {@link #emailHash()}, so a client's changes stay in order.
 * Confirmations and change notices are not optional and always go.
 *
 * @param eventId unique per event
 * @param emailHash the client's address, hashed ({@link dev.stillpoint.events.privacy.PrivacyTopics#emailHash(String)})
 * @param version counts the client's changes from 1: a consumer keeps the highest it has seen and ignores older ones
 * @param morningOf the note on the morning of each session
 * @param aftercare the aftercare email after each session
 * @param checkIn the check-in a few days after each session
 * @param occurredAt when the client chose
 */
public record ClientPreferencesChanged(UUID eventId, String emailHash, long version, boolean morningOf,
        boolean aftercare, boolean checkIn, Instant occurredAt) {
}
