package dev.stillpoint.support.limits;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many writes (POST, PUT, PATCH, DELETE) one client address may make to the public endpoints of a service. Each
 * service names its limits in its {@code application.yml}; staff signed in are never limited.
 *
 * @param enabled whether writes are limited at all
 * @param limits the limits by name; a write counts against the first limit whose paths match it
 * @param unlimitedAddresses addresses or CIDR ranges never limited, such as the practice's own network
 */
@ConfigurationProperties("stillpoint.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue Map<String, Limit> limits,
        @DefaultValue List<String> unlimitedAddresses) {

    /**
     * @param paths path patterns ({@code /api/bookings/*}/cancel) whose writes count; none for a limit a handler
     * applies itself
     * @param requests how many writes one address may make in {@code per}
     * @param per the window in which {@code requests} refill, evenly
     */
    public record Limit(@DefaultValue List<String> paths, @DefaultValue("10") int requests, @DefaultValue("1h") Duration per) {
    }

}
