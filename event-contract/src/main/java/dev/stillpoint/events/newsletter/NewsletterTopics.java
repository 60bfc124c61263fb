package dev.stillpoint.events.newsletter;

/** The topics newsletter-service owns. */
public final class NewsletterTopics {

    /** Newsletter lifecycle events (issue published, delivery completed), for ops. */
    public static final String NEWSLETTER_EVENTS = "newsletter.events";

    public static final int NEWSLETTER_EVENTS_PARTITIONS = 1;

    private NewsletterTopics() {
    }

}
