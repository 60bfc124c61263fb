package dev.stillpoint.support.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Runs every retention rule of the service: each deletes or reduces what it keeps longer than it should. */
public class RetentionJobs {

    private static final Logger logger = LoggerFactory.getLogger(RetentionJobs.class);

    private final List<RetentionRule> rules;

    private final RetentionProperties properties;

    private final JdbcClient jdbc;

    private final Clock clock;

    public RetentionJobs(List<RetentionRule> rules, RetentionProperties properties, JdbcClient jdbc, Clock clock) {
        this.rules = rules;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Runs every rule now; answers how many rows each touched. */
    public Map<String, Integer> run() {
        Map<String, Integer> touched = new LinkedHashMap<>();
        for (RetentionRule rule : this.rules) {
            Duration keep = keep(rule);
            int rows = this.jdbc.sql(rule.sql()).param(Timestamp.from(this.clock.instant().minus(keep))).update();
            touched.put(rule.name(), rows);
            if (rows > 0) {
                logger.info("Retention {}: {} row(s) of {} older than {}", rule.name(), rows, rule.what(), keep);
            }
        }
        return touched;
    }

    /**
     * How long the rule keeps its data: the configured time, or the rule's default. Names match as Spring's relaxed
     * binding would have them, so {@code STILLPOINT_RETENTION_KEEP_OPS_AUDIT_BODIES} (which binds the key
     * {@code ops.audit.bodies}) sets {@code ops-audit-bodies}.
     */
    public Duration keep(RetentionRule rule) {
        return this.properties.keep().entrySet().stream()
            .filter((entry) -> relaxed(entry.getKey()).equals(relaxed(rule.name())))
            .map(Map.Entry::getValue).findFirst().orElse(rule.keep());
    }

    private static String relaxed(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

}
