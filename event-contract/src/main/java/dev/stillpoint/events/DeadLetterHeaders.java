package dev.stillpoint.events;

/**
 * Headers a consumer adds to a record it parks on a dead-letter topic, beside Spring Kafka's
 * {@code kafka_dlt-exception-*} and {@code kafka_dlt-original-*} headers.
 */
public final class DeadLetterHeaders {

    /** Why the record could not be processed, in one line: the most specific cause's message. */
    public static final String REASON = "x-dead-letter-reason";

    /** Which consumer group gave up on it. */
    public static final String CONSUMER_GROUP = "x-dead-letter-group";

    private DeadLetterHeaders() {
    }

}
