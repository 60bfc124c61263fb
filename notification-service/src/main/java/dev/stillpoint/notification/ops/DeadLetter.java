package dev.stillpoint.notification.ops;

import java.util.stream.Collectors;

import dev.stillpoint.events.DeadLetterHeaders;
import dev.stillpoint.events.DeadLetterTopics;

import org.springframework.kafka.support.KafkaHeaders;

/**
 * A record on a dead-letter topic, with why it is there (from the headers the consumer added when it gave up) and
 * where it came from.
 *
 * @param record the dead-lettered record
 */
public record DeadLetter(KafkaRecordView record) {

    private static final int STACK_LINES = 6;

    /** The reason in one line: ours when there is one, else the exception's message. */
    public String reason() {
        String reason = this.record.headers().get(DeadLetterHeaders.REASON);
        return (reason != null) ? reason : this.record.headers().getOrDefault(KafkaHeaders.DLT_EXCEPTION_MESSAGE, "");
    }

    public String exception() {
        String cause = this.record.headers().get(KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN);
        return (cause != null) ? cause : this.record.headers().getOrDefault(KafkaHeaders.DLT_EXCEPTION_FQCN, "");
    }

    /** The first lines of the stack trace: enough to see where it failed. */
    public String stackSummary() {
        return this.record.headers().getOrDefault(KafkaHeaders.DLT_EXCEPTION_STACKTRACE, "").lines()
            .limit(STACK_LINES).map(String::strip).collect(Collectors.joining("\n"));
    }

    public String group() {
        return this.record.headers().getOrDefault(DeadLetterHeaders.CONSUMER_GROUP,
                this.record.headers().getOrDefault(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, ""));
    }

    /** Where replay sends it: the topic it was read from. */
    public String sourceTopic() {
        String original = this.record.headers().get(KafkaHeaders.DLT_ORIGINAL_TOPIC);
        if (original != null) {
            return original;
        }
        return DeadLetterTopics.sourceOf(this.record.topic());
    }

    /** "topic/partition/offset" of the record as it was on its source topic. */
    public String source() {
        return sourceTopic() + "/" + this.record.headers().getOrDefault(KafkaHeaders.DLT_ORIGINAL_PARTITION, "?") + "/"
                + this.record.headers().getOrDefault(KafkaHeaders.DLT_ORIGINAL_OFFSET, "?");
    }

}
