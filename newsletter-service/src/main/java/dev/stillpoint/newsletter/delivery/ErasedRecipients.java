package dev.stillpoint.newsletter.delivery;

import dev.stillpoint.newsletter.subscriber.SubscriberErased;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** An erased subscriber may have been the last recipient an issue waited for: the issue is then complete. */
@Component
class ErasedRecipients {

    private final DeliveryLedger ledger;

    ErasedRecipients(DeliveryLedger ledger) {
        this.ledger = ledger;
    }

    @EventListener
    void onErased(SubscriberErased erased) {
        erased.queuedIssues().forEach(this.ledger::completeIfDone);
    }

}
