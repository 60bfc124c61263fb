package dev.stillpoint.newsletter.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import dev.stillpoint.events.newsletter.NewsletterTopics;
import dev.stillpoint.support.work.Poller;
import dev.stillpoint.support.work.Work;
import dev.stillpoint.support.work.WorkSignals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Fans a sending issue out into records of up to a hundred recipients on {@code newsletter.deliveries}, which every instance's
 * senders consume as one group. A batch is marked fanned out in the ledger and committed first, then sent to Kafka: no
 * row stays locked while the broker is waited for (the senders claim these very rows as soon as the records arrive, and
 * staff pausing or cancelling would wait too). The wait for the broker is bounded; recipients whose record Kafka did not
 * take are handed back to be fanned out at once, and a recipient whose record was lost anyway (a crash between commit
 * and send) or never acted on (its issue was paused) is fanned out again after a while. The ledger keeps a second record
 * from sending twice. It runs as soon as an issue's recipients are queued ({@link DeliveryLedger} signals after the
 * commit), and at a safety poll.
 */
@Component
class FanOutRelay implements Work {

    static final String NAME = "newsletter-fan-out";

    private static final Duration SAFETY_POLL = Duration.ofSeconds(10);

    private static final int BATCH = 500;

    private static final Duration FAN_OUT_AGAIN_AFTER = Duration.ofMinutes(10);

    /** How long a batch waits for the broker's acknowledgements before handing back what it has not got. */
    private static final Duration ACKNOWLEDGED_WITHIN = Duration.ofSeconds(30);

    private static final Logger logger = LoggerFactory.getLogger(FanOutRelay.class);

    private final RecipientClaims claims;

    private final KafkaTemplate<String, String> kafka;

    private final JsonMapper json;

    FanOutRelay(RecipientClaims claims, KafkaTemplate<String, String> kafka, JsonMapper json) {
        this.claims = claims;
        this.kafka = kafka;
        this.json = json;
    }

    /** Fans out one batch, a record per issue and hundred recipients; returns how many recipients it held. */
    int fanOut() {
        List<DeliveryRequest> batch = this.claims.claimForFanOut(BATCH, FAN_OUT_AGAIN_AFTER);
        Map<DeliveryBatch, CompletableFuture<?>> sends = new LinkedHashMap<>();
        for (DeliveryBatch record : records(batch)) {
            sends.put(record, this.kafka.send(NewsletterTopics.NEWSLETTER_DELIVERIES,
                    record.subscriberIds().get(0).toString(), this.json.writeValueAsString(record)));
        }
        long deadline = System.nanoTime() + ACKNOWLEDGED_WITHIN.toNanos();
        sends.forEach((record, send) -> {
            if (!acknowledged(send, deadline)) {
                this.claims.fanOutAgain(record.issueId(), record.subscriberIds());
            }
        });
        return batch.size();
    }

    private static List<DeliveryBatch> records(List<DeliveryRequest> batch) {
        List<DeliveryBatch> records = new ArrayList<>();
        batch.stream().collect(Collectors.groupingBy(DeliveryRequest::issueId, LinkedHashMap::new,
                Collectors.mapping(DeliveryRequest::subscriberId, Collectors.toList())))
            .forEach((issue, subscribers) -> {
                for (int from = 0; from < subscribers.size(); from += DeliveryBatch.MAX_RECIPIENTS) {
                    records.add(new DeliveryBatch(issue, List.copyOf(subscribers.subList(from,
                            Math.min(subscribers.size(), from + DeliveryBatch.MAX_RECIPIENTS)))));
                }
            });
        return records;
    }

    private static boolean acknowledged(CompletableFuture<?> send, long deadline) {
        try {
            send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
        catch (ExecutionException | TimeoutException ex) {
            logger.warn("Kafka did not take a delivery record; its recipients are fanned out again: {}", ex.toString());
            return false;
        }
    }

    /** Fans out a batch: at once again if it was full, else when the next recipient given back for later is due. */
    @Override
    public Duration run() {
        if (fanOut() == BATCH) {
            return AGAIN;
        }
        Duration untilRetry = this.claims.untilNextRetry();
        return (untilRetry != null) ? untilRetry : WHEN_WOKEN;
    }

    @Configuration(proxyBeanMethods = false)
    static class Polling {

        @Bean
        Poller fanOutPoller(WorkSignals signals, FanOutRelay relay) {
            return signals.poller(NAME, SAFETY_POLL, relay);
        }

    }

}
