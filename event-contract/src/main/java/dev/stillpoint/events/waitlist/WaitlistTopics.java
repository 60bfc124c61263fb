package dev.stillpoint.events.waitlist;

import dev.stillpoint.events.DeadLetterTopics;

/**
 * The waitlist's offers, from booking-service, keyed by the offer id: a freed time offered to a waitlisted client,
 * and, once someone else took it, word that it went.
 */
public final class WaitlistTopics {

    /** {@link WaitlistOfferMade} and {@link WaitlistOfferWithdrawn}. */
    public static final String WAITLIST_EVENTS = "waitlist.events";

    /** Where a consumer parks a waitlist record it cannot process, with the reason in the record's headers. */
    public static final String WAITLIST_EVENTS_DEAD_LETTER = DeadLetterTopics.of(WAITLIST_EVENTS);

    public static final int PARTITIONS = 3;

    public static final String OFFER_MADE_TYPE = "dev.stillpoint.waitlist.offer-made.v1";

    public static final String OFFER_WITHDRAWN_TYPE = "dev.stillpoint.waitlist.offer-withdrawn.v1";

    private WaitlistTopics() {
    }

}
