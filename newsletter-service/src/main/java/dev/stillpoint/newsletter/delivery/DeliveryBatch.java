package dev.stillpoint.newsletter.delivery;

import java.util.List;
import java.util.UUID;

/**
 * The work on {@code newsletter.deliveries}: send this issue to these subscribers (up to 100, keyed by the first).
 * One record per recipient cost a quarter of the sending instance's CPU in producing and consuming alone; a record
 * per hundred recipients keeps the ledger as the judge of who was sent to. A record of one {@link DeliveryRequest},
 * as written before, is still read.
 */
record DeliveryBatch(UUID issueId, List<UUID> subscriberIds) {

    static final int MAX_RECIPIENTS = 100;

    List<DeliveryRequest> requests() {
        return this.subscriberIds.stream().map((subscriber) -> new DeliveryRequest(this.issueId, subscriber)).toList();
    }

}
