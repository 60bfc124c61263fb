package dev.stillpoint.support.retention;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetentionJobsTests {

    private static final RetentionRule AUDIT_BODIES = new RetentionRule("ops-audit-bodies", Duration.ofDays(30),
            "update ops_audit set body_before = null where at < ?", "audit bodies");

    @Test
    void aRuleKeepsItsDefaultUnlessConfiguredUnderItsNameAsAnEnvironmentVariableWouldBindIt() {
        assertThat(jobs(Map.of()).keep(AUDIT_BODIES)).isEqualTo(Duration.ofDays(30));
        assertThat(jobs(Map.of("ops-audit-bodies", Duration.ofDays(7))).keep(AUDIT_BODIES)).isEqualTo(Duration.ofDays(7));
        // STILLPOINT_RETENTION_KEEP_OPS_AUDIT_BODIES=90d binds the map key "ops.audit.bodies"
        assertThat(jobs(Map.of("ops.audit.bodies", Duration.ofDays(90))).keep(AUDIT_BODIES))
            .isEqualTo(Duration.ofDays(90));
        assertThat(jobs(Map.of("ops-audit", Duration.ofDays(1))).keep(AUDIT_BODIES)).isEqualTo(Duration.ofDays(30));
    }

    private static RetentionJobs jobs(Map<String, Duration> keep) {
        return new RetentionJobs(List.of(AUDIT_BODIES), new RetentionProperties(keep, Duration.ofHours(1)), null,
                Clock.systemUTC());
    }

}
