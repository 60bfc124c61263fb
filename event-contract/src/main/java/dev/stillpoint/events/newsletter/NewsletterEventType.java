package dev.stillpoint.events.newsletter;

import java.util.Arrays;
import java.util.Optional;

/** The versioned {@code ce_type} of each newsletter event. */
public enum NewsletterEventType {

    ISSUE_PUBLISHED("dev.stillpoint.newsletter.issue-published.v1", NewsletterIssuePublished.class),
    DELIVERY_COMPLETED("dev.stillpoint.newsletter.delivery-completed.v1", NewsletterDeliveryCompleted.class),
    ISSUE_CANCELLED("dev.stillpoint.newsletter.issue-cancelled.v1", NewsletterIssueCancelled.class);

    private final String ceType;

    private final Class<? extends NewsletterEvent> javaType;

    NewsletterEventType(String ceType, Class<? extends NewsletterEvent> javaType) {
        this.ceType = ceType;
        this.javaType = javaType;
    }

    public String ceType() {
        return this.ceType;
    }

    public Class<? extends NewsletterEvent> javaType() {
        return this.javaType;
    }

    public static NewsletterEventType of(NewsletterEvent event) {
        return Arrays.stream(values()).filter((type) -> type.javaType == event.getClass()).findFirst().orElseThrow();
    }

    public static Optional<NewsletterEventType> fromCeType(String ceType) {
        return Arrays.stream(values()).filter((type) -> type.ceType.equals(ceType)).findFirst();
    }

}
