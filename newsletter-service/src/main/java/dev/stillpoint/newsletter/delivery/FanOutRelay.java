package dev.stillpoint.newsletter.delivery;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.stillpoint.events.newsletter.NewsletterTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fans a sending issue out into one record per recipient on {@code newsletter.deliveries}, which every instance's
 * senders consume as one group. A batch is marked in the ledger and sent to Kafka in one database transaction that
 * commits only once the broker has every record; a recipient whose record was never acted on (say, its issue was
 * paused) is fanned out again after a while, and the ledger keeps a second record from sending twice.
 */
@Component
class FanOutRelay implements SmartLifecycle {

    private static final Logger logger = LoggerFactory.getLogger(FanOutRelay.class);

    private static final int BATCH = 500;

    private static final Duration FAN_OUT_AGAIN_AFTER = Duration.ofMinutes(10);

    private final DeliveryLedger ledger;

    private final KafkaTemplate<String, String> kafka;

    private final TransactionTemplate transactions;

    private final JsonMapper json;

    private ScheduledExecutorService poller;

    FanOutRelay(DeliveryLedger ledger, KafkaTemplate<String, String> kafka, TransactionTemplate transactions,
            JsonMapper json) {
        this.ledger = ledger;
        this.kafka = kafka;
        this.transactions = transactions;
        this.json = json;
    }

    /** Fans out one batch; returns how many recipients it held. */
    int fanOut() {
        Integer count = this.transactions.execute((status) -> {
            List<DeliveryRequest> batch = this.ledger.claimForFanOut(BATCH, FAN_OUT_AGAIN_AFTER);
            CompletableFuture.allOf(batch.stream()
                .map((request) -> this.kafka.send(NewsletterTopics.NEWSLETTER_DELIVERIES,
                        request.subscriberId().toString(), this.json.writeValueAsString(request)))
                .toArray(CompletableFuture[]::new)).join();
            return batch.size();
        });
        return (count != null) ? count : 0;
    }

    private void fanOutSafely() {
        try {
            while (fanOut() == BATCH) {
                // a full batch: there may be more
            }
        }
        catch (RuntimeException ex) {
            logger.warn("Fan-out failed, will try again: {}", ex.getMessage());
        }
    }

    @Override
    public void start() {
        this.poller = Executors.newSingleThreadScheduledExecutor((runnable) -> new Thread(runnable, "newsletter-fan-out"));
        this.poller.scheduleWithFixedDelay(this::fanOutSafely, 0, 250, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        this.poller.shutdown();
        try {
            this.poller.awaitTermination(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        this.poller = null;
    }

    @Override
    public boolean isRunning() {
        return this.poller != null;
    }

}
