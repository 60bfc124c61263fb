package dev.stillpoint.newsletter.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.stillpoint.newsletter.system.NewsletterProperties;
import dev.stillpoint.support.work.Poller;
import dev.stillpoint.support.work.Work;
import dev.stillpoint.support.work.WorkSignals;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * The claims this instance holds on recipients while it sends to them, renewed every third of a lease: however slow
 * the SMTP server, no claim lapses under an email still being sent, and the lease can be short, so that another
 * instance takes a dead one's recipients over within one lease.
 */
@Component
class HeldRecipients implements Work {

    private final RecipientClaims claims;

    private final Duration lease;

    private final Map<UUID, Held> held = new ConcurrentHashMap<>();

    HeldRecipients(RecipientClaims claims, NewsletterProperties properties) {
        this.claims = claims;
        this.lease = properties.lease();
    }

    /** Claims recipients of an issue, holding them until {@link #letGo} is called with the claim. */
    List<RecipientClaims.Claimed> claim(UUID issueId, List<UUID> subscriberIds) {
        List<RecipientClaims.Claimed> claimed = this.claims.claim(issueId, subscriberIds, this.lease);
        if (!claimed.isEmpty()) {
            this.held.put(claimed.get(0).claim(), new Held(issueId,
                    claimed.stream().map((recipient) -> recipient.request().subscriberId()).toList()));
        }
        return claimed;
    }

    /** Stops renewing a claim: its recipients are settled or given back. */
    void letGo(UUID claim) {
        this.held.remove(claim);
    }

    @Override
    public Duration run() {
        this.held.forEach((claim, recipients) -> this.claims.renew(claim, recipients.issueId(),
                recipients.subscriberIds(), this.lease));
        return renewEvery();
    }

    Duration renewEvery() {
        return this.lease.dividedBy(3);
    }

    private record Held(UUID issueId, List<UUID> subscriberIds) {
    }

    @Configuration(proxyBeanMethods = false)
    static class Renewing {

        @Bean
        Poller recipientClaimsRenewer(WorkSignals signals, HeldRecipients held) {
            return signals.poller("newsletter-claims", held.renewEvery(), held);
        }

    }

}
