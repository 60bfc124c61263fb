package dev.stillpoint.newsletter.delivery;

import java.util.ArrayList;
import java.util.List;

import dev.stillpoint.events.newsletter.NewsletterTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.stereotype.Component;

/**
 * Each instance's senders: one consumer per partition, up to {@code stillpoint.newsletter.senders} per instance, each
 * taking the records of a poll as one batch. A record that cannot be read is dead-lettered with the reason; when a
 * batch must come again later (the SMTP server is away, another instance holds a claim), it is retried whole.
 */
@Component
public class DeliveryListener {

    public static final String GROUP_ID = "newsletter-deliveries";

    private final NewsletterSending sending;

    private final JsonMapper json;

    private final ConsumerRecordRecoverer deadLetters;

    DeliveryListener(NewsletterSending sending, JsonMapper json, ConsumerRecordRecoverer deadLetters) {
        this.sending = sending;
        this.json = json;
        this.deadLetters = deadLetters;
    }

    @KafkaListener(id = GROUP_ID, topics = NewsletterTopics.NEWSLETTER_DELIVERIES,
            containerFactory = "deliveriesContainerFactory", concurrency = "${stillpoint.newsletter.senders:4}")
    void on(List<ConsumerRecord<String, String>> records) throws InterruptedException {
        List<DeliveryRequest> requests = new ArrayList<>(records.size());
        List<ConsumerRecord<String, String>> unreadable = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                JsonNode work = this.json.readTree(record.value());
                if (work.has("subscriberIds")) {
                    requests.addAll(this.json.treeToValue(work, DeliveryBatch.class).requests());
                }
                else {
                    requests.add(this.json.treeToValue(work, DeliveryRequest.class));
                }
            }
            catch (JacksonException ex) {
                unreadable.add(record);
            }
        }
        this.sending.send(requests);
        // once the batch went through, so that a batch retried does not dead-letter the same record twice
        for (ConsumerRecord<String, String> record : unreadable) {
            this.deadLetters.accept(record, new ListenerExecutionFailedException("Unreadable delivery request", GROUP_ID,
                    new IllegalArgumentException("Unreadable delivery request: " + record.value())));
        }
    }

}
