package dev.stillpoint.notification.delivery;

import dev.stillpoint.support.work.Poller;
import dev.stillpoint.support.work.WorkSignals;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The dispatcher's poller, woken by {@link DeliveryQueue} when an email becomes due, here or in another instance; and
 * the poller that keeps this instance's claims.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryPolling {

    static final String DISPATCHER = "notification-delivery";

    static final String LEASES = "notification-delivery-leases";

    @Bean
    Poller deliveryPoller(WorkSignals signals, DeliveryDispatcher dispatcher, DeliveryProperties properties) {
        return signals.poller(DISPATCHER, properties.safetyPollInterval(), dispatcher);
    }

    /** Renews the claims this instance holds, every third of a lease, and writes the settles the database missed. */
    @Bean
    Poller leasePoller(WorkSignals signals, HeldClaims claims) {
        return signals.poller(LEASES, claims.renewEvery(), claims);
    }

}
