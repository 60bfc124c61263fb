package dev.stillpoint.notification.delivery;

import dev.stillpoint.support.work.Poller;
import dev.stillpoint.support.work.WorkSignals;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The dispatcher's poller: woken by {@link DeliveryQueue} when an email becomes due, here or in another instance. */
@Configuration(proxyBeanMethods = false)
class DeliveryPolling {

    static final String DISPATCHER = "notification-delivery";

    @Bean
    Poller deliveryPoller(WorkSignals signals, DeliveryDispatcher dispatcher, DeliveryProperties properties) {
        return signals.poller(DISPATCHER, properties.safetyPollInterval(), dispatcher);
    }

}
