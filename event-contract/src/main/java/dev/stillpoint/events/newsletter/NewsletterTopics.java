package dev.stillpoint.events.newsletter;

/** The topics newsletter-service owns. */
public final class NewsletterTopics {

    /** Newsletter lifecycle events (issue published, delivery completed), for ops. */
    public static final String NEWSLETTER_EVENTS = "newsletter.events";

    public static final int NEWSLETTER_EVENTS_PARTITIONS = 1;

    /** The {@code ce_source} of every newsletter event. */
    public static final String SOURCE = "/stillpoint/newsletter-service";

    /**
     * One record per recipient of a published issue, keyed by subscriber id: the work that newsletter-service
     * instances share as one consumer group.
     */
    public static final String NEWSLETTER_DELIVERIES = "newsletter.deliveries";

    /** Enough for six sending instances (or threads) at once. */
    public static final int NEWSLETTER_DELIVERIES_PARTITIONS = 6;

    private NewsletterTopics() {
    }

}
