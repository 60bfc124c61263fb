package dev.stillpoint.notification.ops;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.stillpoint.events.DeadLetterTopics;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dead letters waiting for a person, and what ops do with them: replay a record to the topic it came from (as it
 * was, or with its body corrected) or discard it. Either is recorded in the audit log first, in the same transaction,
 * so a record is handled once; a replay the broker does not acknowledge rolls the entry back.
 */
@Service
class DeadLetterDesk {

    /** How many of the newest records of each dead-letter topic the console reads. */
    static final int DEPTH = 500;

    private static final Logger logger = LoggerFactory.getLogger(DeadLetterDesk.class);

    /** Headers a replay leaves behind: why it failed then, and the trace of the attempt that failed. */
    private static final List<String> DROPPED_HEADER_PREFIXES = List.of("kafka_dlt-", "x-dead-letter-",
            "springDeserializerException", "traceparent", "tracestate");

    private final KafkaInspector inspector;

    private final TopicBrowser browser;

    private final OpsAudit audit;

    private final ReplayCheck check;

    private final KafkaTemplate<String, byte[]> replays;

    @SuppressWarnings("unchecked")
    DeadLetterDesk(KafkaInspector inspector, TopicBrowser browser, OpsAudit audit, ReplayCheck check,
            ProducerFactory<Object, Object> producerFactory) {
        this.inspector = inspector;
        this.browser = browser;
        this.audit = audit;
        this.check = check;
        // the service's producer settings, with the body sent as the bytes it is
        this.replays = new KafkaTemplate<>((ProducerFactory<String, byte[]>) (ProducerFactory<?, ?>) producerFactory,
                Map.of(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        this.replays.setObservationEnabled(true);
    }

    /** Dead letters not yet replayed or discarded, newest first. */
    List<DeadLetter> waiting() {
        Set<String> handled = this.audit.handledDeadLetters();
        // only the names: offsets and retention of every topic are not needed to find the dead-letter ones
        return this.inspector.topicNames().stream()
            .filter(DeadLetterTopics::isDeadLetterTopic)
            .sorted()
            .flatMap((name) -> this.browser.latest(name, DEPTH, null).stream())
            .filter((record) -> !handled.contains(record.id()))
            .map(DeadLetter::new)
            .toList();
    }

    /** A record of a dead-letter topic; any other topic's records are not the desk's to replay or discard. */
    DeadLetter find(String topic, int partition, long offset) {
        if (!DeadLetterTopics.isDeadLetterTopic(topic)) {
            throw new IllegalArgumentException("Only dead letters are replayed or discarded here, and " + topic
                    + " is not a dead-letter topic.");
        }
        return this.browser.read(topic, partition, offset).map(DeadLetter::new)
            .orElseThrow(() -> new IllegalArgumentException("No record at " + topic + "/" + partition + "/" + offset));
    }

    /**
     * Sends the record back to the source topic its headers record, with its key and CloudEvents headers;
     * {@code correctedBody}, if given and different, replaces the body once {@link ReplayCheck} has passed it. The
     * audit keeps who did it, and the body before and after. Returns where it went.
     */
    @Transactional
    String replay(DeadLetter deadLetter, String correctedBody, String actor) {
        KafkaRecordView record = deadLetter.record();
        boolean corrected = correctedBody != null && !correctedBody.isBlank()
                && !correctedBody.strip().equals(record.prettyBody().strip())
                && !Arrays.equals(correctedBody.getBytes(StandardCharsets.UTF_8), record.body());
        byte[] body = corrected ? correctedBody.strip().getBytes(StandardCharsets.UTF_8) : record.body();
        String source = this.check.source(deadLetter);
        this.check.check(deadLetter, record.body(), body);
        String detail = "to " + source + (corrected ? ", body corrected" : ", as it was");
        handledOnce(() -> this.audit.deadLetterHandled(record, "REPLAYED", actor, detail,
                corrected ? new String(body, StandardCharsets.UTF_8) : null));
        ProducerRecord<String, byte[]> replay = new ProducerRecord<>(source, record.key(), body);
        record.headers().forEach((name, value) -> {
            if (DROPPED_HEADER_PREFIXES.stream().noneMatch(name::startsWith)) {
                replay.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
            }
        });
        replay.headers().add("x-replayed-from", record.id().getBytes(StandardCharsets.UTF_8));
        try {
            var sent = this.replays.send(replay).get(KafkaInspector.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            String to = sent.getRecordMetadata().topic() + "/" + sent.getRecordMetadata().partition() + "/"
                    + sent.getRecordMetadata().offset();
            logger.info("{} replayed dead letter {} to {} ({})", actor, record.id(), to, detail);
            return to;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException(ex);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new KafkaUnavailableException(ex);
        }
    }

    @Transactional
    void discard(DeadLetter deadLetter, String note, String actor) {
        String detail = (note != null && !note.isBlank()) ? note.strip() : null;
        handledOnce(() -> this.audit.deadLetterHandled(deadLetter.record(), "DISCARDED", actor, detail, null));
        logger.info("{} discarded dead letter {}{}", actor, deadLetter.record().id(),
                (detail != null) ? ": " + detail : "");
    }

    private static void handledOnce(Runnable entry) {
        try {
            entry.run();
        }
        catch (DuplicateKeyException ex) {
            throw new AlreadyHandledException();
        }
    }

    /** Another person (or tab) replayed or discarded the record first. */
    static class AlreadyHandledException extends RuntimeException {

        AlreadyHandledException() {
            super("This dead letter was already replayed or discarded; see the audit log.");
        }

    }

}
