package dev.stillpoint.notification.delivery;

import dev.stillpoint.support.practice.PracticeProperties;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** The right-hand side of our Message-IDs: configured, or the domain of the practice's sending address. */
@Component
class MessageIdDomain {

    private final String value;

    MessageIdDomain(DeliveryProperties delivery, PracticeProperties practice) {
        String configured = delivery.messageIdDomain();
        this.value = StringUtils.hasText(configured) ? configured
                : practice.email().substring(practice.email().lastIndexOf('@') + 1);
    }

    String value() {
        return this.value;
    }

}
