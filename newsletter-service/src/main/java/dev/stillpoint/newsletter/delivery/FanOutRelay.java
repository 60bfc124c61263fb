package dev.stillpoint.newsletter.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import dev.stillpoint.events.newsletter.NewsletterTopics;
import dev.stillpoint.support.work.Poller;
import dev.stillpoint.support.work.Work;
import dev.stillpoint.support.work.WorkSignals;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fans a sending issue out into records of up to a hundred recipients on {@code newsletter.deliveries}, which every instance's
 * senders consume as one group. A batch is marked in the ledger and sent to Kafka in one database transaction that
 * commits only once the broker has every record; a recipient whose record was never acted on (say, its issue was
 * paused) is fanned out again after a while, and the ledger keeps a second record from sending twice. It runs as
 * soon as an issue's recipients are queued ({@link DeliveryLedger} signals after the commit), and at a safety poll.
 */
@Component
class FanOutRelay implements Work {

    static final String NAME = "newsletter-fan-out";

    private static final Duration SAFETY_POLL = Duration.ofSeconds(10);

    private static final int BATCH = 500;

    private static final Duration FAN_OUT_AGAIN_AFTER = Duration.ofMinutes(10);

    private final RecipientClaims claims;

    private final KafkaTemplate<String, String> kafka;

    private final TransactionTemplate transactions;

    private final JsonMapper json;

    FanOutRelay(RecipientClaims claims, KafkaTemplate<String, String> kafka, TransactionTemplate transactions,
            JsonMapper json) {
        this.claims = claims;
        this.kafka = kafka;
        this.transactions = transactions;
        this.json = json;
    }

    /** Fans out one batch, a record per issue and hundred recipients; returns how many recipients it held. */
    int fanOut() {
        Integer count = this.transactions.execute((status) -> {
            List<DeliveryRequest> batch = this.claims.claimForFanOut(BATCH, FAN_OUT_AGAIN_AFTER);
            List<CompletableFuture<?>> sends = new ArrayList<>();
            batch.stream().collect(Collectors.groupingBy(DeliveryRequest::issueId, LinkedHashMap::new,
                    Collectors.mapping(DeliveryRequest::subscriberId, Collectors.toList())))
                .forEach((issue, subscribers) -> {
                    for (int from = 0; from < subscribers.size(); from += DeliveryBatch.MAX_RECIPIENTS) {
                        List<UUID> part = subscribers.subList(from,
                                Math.min(subscribers.size(), from + DeliveryBatch.MAX_RECIPIENTS));
                        sends.add(this.kafka.send(NewsletterTopics.NEWSLETTER_DELIVERIES, part.get(0).toString(),
                                this.json.writeValueAsString(new DeliveryBatch(issue, List.copyOf(part)))));
                    }
                });
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
            return batch.size();
        });
        return (count != null) ? count : 0;
    }

    @Override
    public Duration run() {
        return (fanOut() == BATCH) ? AGAIN : WHEN_WOKEN;
    }

    @Configuration(proxyBeanMethods = false)
    static class Polling {

        @Bean
        Poller fanOutPoller(WorkSignals signals, FanOutRelay relay) {
            return signals.poller(NAME, SAFETY_POLL, relay);
        }

    }

}
