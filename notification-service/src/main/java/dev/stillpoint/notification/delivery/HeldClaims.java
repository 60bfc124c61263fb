package dev.stillpoint.notification.delivery;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.stillpoint.support.work.Work;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The claims this instance holds on emails, from the claim until the email is settled. Leases are short, so that
 * another instance takes over a dead one's emails within one lease, and renewed every third of a lease while the
 * instance works on them, so that a slow SMTP server never lets a claim lapse under an email still being sent. A
 * settle the database did not take (it was away just after the email went) is kept, with its claim renewed, and written
 * again: the email is recorded as sent, not sent twice.
 */
@Component
class HeldClaims implements Work {

    private static final Logger logger = LoggerFactory.getLogger(HeldClaims.class);

    private final DeliveryQueue queue;

    private final ClaimLedger ledger;

    private final Duration lease;

    private final String claimant;

    /** Email id to the token of the claim that holds it. */
    private final Map<UUID, UUID> held = new ConcurrentHashMap<>();

    /** Settles not written yet, by email id. */
    private final Map<UUID, Settle> unsettled = new ConcurrentHashMap<>();

    HeldClaims(DeliveryQueue queue, ClaimLedger ledger, DeliveryProperties properties, Environment environment) {
        this.queue = queue;
        this.ledger = ledger;
        this.lease = properties.lease();
        this.claimant = (properties.instanceName() != null) ? properties.instanceName() : defaultName(environment);
    }

    /**
     * The host and the configured port: the same after a restart, and different for two instances on one host. An
     * instance on a random port has no lasting name, and a restart of it waits for its old claims' leases.
     */
    private static String defaultName(Environment environment) {
        String port = environment.getProperty("server.port", "8080");
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        }
        catch (UnknownHostException ex) {
            host = "localhost";
        }
        return host + ":" + ("0".equals(port) ? UUID.randomUUID().toString() : port);
    }

    /** Takes back the claims this instance held when it last stopped; called before it claims anything. */
    void resume() {
        int released = this.ledger.releaseClaimsOf(this.claimant);
        if (released > 0) {
            logger.info("Took back {} email(s) this instance ({}) was sending when it stopped", released, this.claimant);
        }
    }

    /** Claims due emails, holding them until they are settled. */
    DeliveryQueue.Claim claim(int limit) {
        DeliveryQueue.Claim claim = this.queue.claimDue(limit, this.lease, this.claimant);
        claim.notifications().forEach((notification) -> this.held.put(notification.id(), claim.token()));
        return claim;
    }

    /**
     * Writes what became of an email, and lets go of it; keeps it, to write again, if the database did not take it.
     * Returns whether its claim still held it (false: it lapsed and another instance took it, or it was cancelled).
     */
    boolean settle(UUID id, Settle settle) {
        UUID token = this.held.get(id);
        try {
            boolean holds = settle.write(token);
            this.held.remove(id);
            return holds;
        }
        catch (DataAccessException ex) {
            logger.warn("Could not record what became of email {}; will try again: {}", id, ex.getMessage());
            this.unsettled.put(id, settle);
            return true;
        }
    }

    /** Writes the settles that failed, then renews the claims still held. */
    @Override
    public Duration run() {
        try {
            this.unsettled.forEach((id, settle) -> {
                settle.write(this.held.get(id));
                this.unsettled.remove(id);
                this.held.remove(id);
                logger.info("Recorded what became of email {} at last", id);
            });
        }
        finally {
            this.ledger.renew(Map.copyOf(this.held), this.lease);
        }
        return renewEvery();
    }

    Duration renewEvery() {
        return this.lease.dividedBy(3);
    }

    /** What became of an email, written under the claim that holds it. */
    @FunctionalInterface
    interface Settle {

        /** Returns whether the claim still held the email. */
        boolean write(UUID claim);

    }

}
