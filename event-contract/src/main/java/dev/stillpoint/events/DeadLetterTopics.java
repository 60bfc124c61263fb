package dev.stillpoint.events;

/**
 * How a dead-letter topic is named, once for every topic and service. A topic's first consumer parks a record it
 * cannot handle on {@code <topic>}{@value #SUFFIX}, on the same partition, with {@link DeadLetterHeaders}; any other
 * consumer group of the topic has one of its own, {@code <topic>}{@value #SUFFIX}{@code .<group>}, so that one
 * service's dead letters never land among another's.
 */
public final class DeadLetterTopics {

    /** What a dead-letter topic's name adds to its source topic's. */
    public static final String SUFFIX = "-dlt";

    private DeadLetterTopics() {
    }

    /** The dead-letter topic of {@code topic}'s first consumer. */
    public static String of(String topic) {
        return topic + SUFFIX;
    }

    /** The dead-letter topic of consumer group {@code group} of {@code topic}, when the group has one of its own. */
    public static String of(String topic, String group) {
        return of(topic) + "." + group;
    }

    /** The topic whose dead letters {@code deadLetterTopic} holds, or {@code deadLetterTopic} if it is none. */
    public static String sourceOf(String deadLetterTopic) {
        int suffix = suffixAt(deadLetterTopic);
        return (suffix >= 0) ? deadLetterTopic.substring(0, suffix) : deadLetterTopic;
    }

    /** The consumer group whose own dead-letter topic {@code topic} is, or {@code null} if it is no such topic. */
    public static String groupOf(String topic) {
        int suffix = suffixAt(topic);
        return (suffix >= 0 && !topic.endsWith(SUFFIX)) ? topic.substring(suffix + SUFFIX.length() + 1) : null;
    }

    public static boolean isDeadLetterTopic(String topic) {
        return suffixAt(topic) >= 0;
    }

    private static int suffixAt(String topic) {
        if (topic.endsWith(SUFFIX)) {
            return topic.length() - SUFFIX.length();
        }
        int group = topic.lastIndexOf(SUFFIX + ".");
        return (group > 0 && group + SUFFIX.length() + 1 < topic.length()) ? group : -1;
    }

}
