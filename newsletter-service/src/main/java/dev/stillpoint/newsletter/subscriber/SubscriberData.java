package dev.stillpoint.newsletter.subscriber;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import dev.stillpoint.newsletter.subscriber.SubscriberTokens.Purpose;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A subscriber's right to see what the newsletter keeps about them, to take it away, and to have it erased. */
@Service
public class SubscriberData {

    private static final Logger logger = LoggerFactory.getLogger(SubscriberData.class);

    private final SubscriberRepository subscribers;

    private final SubscriberTokens tokens;

    private final SchedulerClient scheduler;

    private final ApplicationEventPublisher events;

    private final Suppression suppression;

    SubscriberData(SubscriberRepository subscribers, SubscriberTokens tokens, SchedulerClient scheduler,
            ApplicationEventPublisher events, Suppression suppression) {
        this.subscribers = subscribers;
        this.tokens = tokens;
        this.scheduler = scheduler;
        this.events = events;
        this.suppression = suppression;
    }

    /** The subscriber a data link was made for, if the link is genuine (they may have been erased since). */
    public Optional<UUID> subscriberOf(String token) {
        return this.tokens.verify(token, Purpose.DATA);
    }

    /** Everything kept about the subscriber, as it would be downloaded; empty once they are erased. */
    @Transactional(readOnly = true)
    public Optional<Map<String, Object>> record(UUID subscriberId) {
        return this.subscribers.record(subscriberId);
    }

    /**
     * Deletes the subscriber, their place in every issue's ledger and any confirmation email still to go, and puts
     * the address's hash on the suppression list so that no import brings it back. An issue being sent simply has one
     * recipient fewer. Returns whether there was anything to erase.
     */
    @Transactional
    public boolean erase(UUID subscriberId) {
        Optional<Subscriber> subscriber = this.subscribers.findById(subscriberId);
        if (subscriber.isEmpty()) {
            return false;
        }
        this.suppression.addAddress(subscriber.get().email(), "ERASED");
        this.scheduler.getScheduledExecution(ConfirmationEmails.TASK.instanceId(subscriberId.toString()))
            .ifPresent((execution) -> this.scheduler.cancel(execution.getTaskInstance()));
        this.events.publishEvent(new SubscriberErased(subscriberId, this.subscribers.delete(subscriberId)));
        logger.info("Subscriber {} erased at their request", subscriberId);
        return true;
    }

}
