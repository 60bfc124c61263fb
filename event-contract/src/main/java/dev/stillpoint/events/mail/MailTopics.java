package dev.stillpoint.events.mail;

import dev.stillpoint.events.DeadLetterTopics;

/** What happens to our emails after they leave, from notification-service, keyed by the hash of the address. */
public final class MailTopics {

    /** {@link EmailBounced}, from notification-service's bounce log. */
    public static final String BOUNCES = "mail.bounces";

    /** Where a consumer parks a bounce record it cannot read, with the reason in the record's headers. */
    public static final String BOUNCES_DEAD_LETTER = DeadLetterTopics.of(BOUNCES);

    public static final int PARTITIONS = 3;

    public static final String EMAIL_BOUNCED_TYPE = "dev.stillpoint.mail.email-bounced.v1";

    private MailTopics() {
    }

}
