package dev.stillpoint.newsletter.subscriber;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import dev.stillpoint.newsletter.subscriber.SubscriberTokens.Purpose;
import dev.stillpoint.newsletter.system.NewsletterProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscribing with double opt-in, confirming in one click, unsubscribing at once. The confirmation email is
 * scheduled in the same transaction as the subscription, so it is sent even if the service stops right after.
 */
@Service
public class SubscriberManagement {

    private static final Logger logger = LoggerFactory.getLogger(SubscriberManagement.class);

    private final SubscriberRepository subscribers;

    private final SubscriberTokens tokens;

    private final SchedulerClient scheduler;

    private final Suppression suppression;

    private final Duration confirmationInterval;

    private final Clock clock;

    SubscriberManagement(SubscriberRepository subscribers, SubscriberTokens tokens, SchedulerClient scheduler,
            Suppression suppression, NewsletterProperties properties, Clock clock) {
        this.subscribers = subscribers;
        this.tokens = tokens;
        this.scheduler = scheduler;
        this.suppression = suppression;
        this.confirmationInterval = properties.confirmationInterval();
        this.clock = clock;
    }

    /**
     * Puts an address on the list as pending and sends it a confirmation link; an address that unsubscribed starts
     * over, one already confirmed stays as it is, and a pending one gets the link again only if it asks through the
     * form (and was not sent one within the confirmation interval). Returns the subscriber as they now stand.
     */
    @Transactional
    public Subscriber subscribe(String email, String name, Subscriber.Source source) {
        if (source != Subscriber.Source.FORM && this.suppression.contains(email)) {
            // erased or unsubscribed: only the person, by hand, puts the address back on the list
            return new Subscriber(null, email.strip(), null, Subscriber.Status.UNSUBSCRIBED);
        }
        Subscriber candidate = new Subscriber(UUID.randomUUID(), email.strip(), (name != null) ? name.strip() : null,
                Subscriber.Status.PENDING);
        if (this.subscribers.insert(candidate, source, this.clock.instant())) {
            askToConfirm(candidate.id());
            return candidate;
        }
        Subscriber existing = this.subscribers.lockByEmail(email.strip()).orElseThrow();
        boolean askedAgain = existing.status() == Subscriber.Status.PENDING && source == Subscriber.Source.FORM;
        if (existing.status() == Subscriber.Status.CONFIRMED
                || (existing.status() == Subscriber.Status.PENDING && !askedAgain)) {
            // confirmed already, or pending and not asking again by hand (say, the next booking of a series)
            return existing;
        }
        this.subscribers.updateStatus(existing.id(), Subscriber.Status.PENDING, this.clock.instant());
        askToConfirm(existing.id());
        return new Subscriber(existing.id(), existing.email(), existing.name(), Subscriber.Status.PENDING);
    }

    /** The subscriber a link was made for, changing nothing; empty if the link is not genuine. */
    @Transactional(readOnly = true)
    public Optional<Subscriber> findByLink(String token, Purpose purpose) {
        return this.tokens.verify(token, purpose).flatMap(this.subscribers::findById);
    }

    /** Confirms the subscription a confirm link was made for; empty if the link is not genuine. */
    @Transactional
    public Optional<Subscriber> confirm(String token) {
        return change(token, Purpose.CONFIRM, Subscriber.Status.CONFIRMED);
    }

    /** Takes the address off the list at once: nothing not yet sent goes to it. Empty if the link is not genuine. */
    @Transactional
    public Optional<Subscriber> unsubscribe(String token) {
        return change(token, Purpose.UNSUBSCRIBE, Subscriber.Status.UNSUBSCRIBED);
    }

    private Optional<Subscriber> change(String token, Purpose purpose, Subscriber.Status status) {
        return this.tokens.verify(token, purpose).flatMap(this.subscribers::findById).flatMap((subscriber) -> {
            if (status == Subscriber.Status.CONFIRMED && (subscriber.status() == Subscriber.Status.UNSUBSCRIBED
                    || subscriber.status() == Subscriber.Status.BOUNCED)) {
                // an old confirm link does not undo a later unsubscribe or bounce: subscribing again does
                return Optional.empty();
            }
            if (subscriber.status() != status) {
                this.subscribers.updateStatus(subscriber.id(), status, this.clock.instant());
                logger.info("Subscriber {} is now {}", subscriber.id(), status);
            }
            if (status == Subscriber.Status.UNSUBSCRIBED) {
                this.suppression.addAddress(subscriber.email(), "UNSUBSCRIBED");
            }
            else {
                this.suppression.lift(subscriber.email());
            }
            return Optional.of(new Subscriber(subscriber.id(), subscriber.email(), subscriber.name(), status));
        });
    }

    /**
     * Sends the address a confirmation link, unless it was sent one within the confirmation interval: whoever enters
     * an address over and over makes the practice write to it once a day at most.
     */
    private void askToConfirm(UUID subscriberId) {
        Instant now = this.clock.instant();
        if (!this.subscribers.claimConfirmationRequest(subscriberId, now, now.minus(this.confirmationInterval))) {
            logger.info("Subscriber {} was sent a confirmation link within {}; not sending another",
                    subscriberId, this.confirmationInterval);
            return;
        }
        this.scheduler.scheduleIfNotExists(ConfirmationEmails.TASK.instance(subscriberId.toString()).scheduledTo(now));
    }

}
