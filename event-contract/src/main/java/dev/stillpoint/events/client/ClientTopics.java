package dev.stillpoint.events.client;

import dev.stillpoint.events.DeadLetterTopics;

/** What clients decide about themselves, from booking-service, keyed by the hash of the client's address. */
public final class ClientTopics {

    /** {@link ClientPreferencesChanged}, from booking-service. */
    public static final String PREFERENCES = "client.preferences";

    /** Where a consumer parks a preferences record it cannot read, with the reason in the record's headers. */
    public static final String PREFERENCES_DEAD_LETTER = DeadLetterTopics.of(PREFERENCES);

    public static final int PARTITIONS = 3;

    public static final String PREFERENCES_CHANGED_TYPE = "dev.stillpoint.client.preferences-changed.v1";

    private ClientTopics() {
    }

}
