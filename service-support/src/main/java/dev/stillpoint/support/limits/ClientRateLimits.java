package dev.stillpoint.support.limits;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.PathContainer;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Counts each client address's writes against the service's limits, in token buckets kept in PostgreSQL (Bucket4j),
 * so every instance of a service counts against the same buckets and a restart forgets nothing. The address is the
 * one the request came from, as the proxy in front reports it (Tomcat's RemoteIpValve); an IPv6 client counts by its
 * /64, the block one household or server is given.
 */
public class ClientRateLimits {

    /** The practice's own staff, signed in, are never limited. */
    static final String STAFF_ROLE = "STAFF";

    private final ProxyManager<String> buckets;

    private final List<Rule> rules;

    private final List<IpAddressMatcher> unlimited;

    private final boolean enabled;

    public ClientRateLimits(ProxyManager<String> buckets, RateLimitProperties properties) {
        this.buckets = buckets;
        this.enabled = properties.enabled();
        this.rules = properties.limits().entrySet().stream().map(Rule::of).toList();
        this.unlimited = properties.unlimitedAddresses().stream().map(IpAddressMatcher::new).toList();
    }

    /**
     * Takes one write from the bucket of the first limit whose paths match the request; answers how long to wait if
     * that bucket is empty. Reads, staff and unlimited addresses take nothing.
     */
    public Optional<Duration> tryWrite(HttpServletRequest request) {
        if (isSafe(request.getMethod())) {
            return Optional.empty();
        }
        PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
        return this.rules.stream().filter((candidate) -> candidate.matches(path)).findFirst()
            .flatMap((rule) -> tryWrite(rule, request));
    }

    /**
     * Takes one write from the request's bucket of the named limit, for a handler that counts only some of its
     * requests (a form that also redraws itself); answers how long to wait if the bucket is empty.
     */
    public Optional<Duration> tryWrite(String limit, HttpServletRequest request) {
        return this.rules.stream().filter((rule) -> rule.name().equals(limit)).findFirst()
            .flatMap((rule) -> tryWrite(rule, request));
    }

    private Optional<Duration> tryWrite(Rule rule, HttpServletRequest request) {
        String address = request.getRemoteAddr();
        if (!this.enabled || request.isUserInRole(STAFF_ROLE)
                || this.unlimited.stream().anyMatch((range) -> range.matches(address))) {
            return Optional.empty();
        }
        ConsumptionProbe probe = this.buckets.getProxy(rule.key(client(address)), rule::configuration)
            .tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty()
                : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()).plusSeconds(1).withNanos(0));
    }

    private static boolean isSafe(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method) || "TRACE".equals(method);
    }

    static String client(String address) {
        if (!address.contains(":")) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            return (bytes.length == 16) ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64" : address;
        }
        catch (UnknownHostException ex) {
            return address;
        }
    }

    private record Rule(String name, List<PathPattern> paths, RateLimitProperties.Limit limit) {

        static Rule of(Map.Entry<String, RateLimitProperties.Limit> entry) {
            List<PathPattern> paths = entry.getValue().paths().stream().map(String::strip)
                .map(PathPatternParser.defaultInstance::parse).toList();
            return new Rule(entry.getKey(), paths, entry.getValue());
        }

        boolean matches(PathContainer path) {
            return this.paths.stream().anyMatch((pattern) -> pattern.matches(path));
        }

        /** The limit is part of the key: a changed limit starts new buckets, and the old ones expire. */
        String key(String client) {
            return this.name + ":" + this.limit.requests() + "/" + this.limit.per().toSeconds() + ":" + client;
        }

        BucketConfiguration configuration() {
            return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(this.limit.requests())
                    .refillGreedy(this.limit.requests(), this.limit.per()).build())
                .build();
        }

    }

}
