package dev.stillpoint.events;

/**
 * How a dead-letter topic is named, once for every topic and service: the source topic's name and {@value #SUFFIX}.
 * A consumer parks there, on the same partition, a record it cannot handle, with {@link DeadLetterHeaders}.
 */
public final class DeadLetterTopics {

    /** What a dead-letter topic's name adds to its source topic's. */
    public static final String SUFFIX = "-dlt";

    private DeadLetterTopics() {
    }

    /** The dead-letter topic of {@code topic}. */
    public static String of(String topic) {
        return topic + SUFFIX;
    }

    /** The topic whose dead letters {@code deadLetterTopic} holds, or {@code deadLetterTopic} if it is none. */
    public static String sourceOf(String deadLetterTopic) {
        return isDeadLetterTopic(deadLetterTopic)
                ? deadLetterTopic.substring(0, deadLetterTopic.length() - SUFFIX.length()) : deadLetterTopic;
    }

    public static boolean isDeadLetterTopic(String topic) {
        return topic.endsWith(SUFFIX);
    }

}
