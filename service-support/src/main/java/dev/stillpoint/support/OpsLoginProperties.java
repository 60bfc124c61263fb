package dev.stillpoint.support;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operators' login (role OPS) for the ops console and the actuator endpoints that are not public, set like the
 * staff login: {@code stillpoint.ops.username} and {@code stillpoint.ops.password}.
 *
 * @param username the login name
 * @param password the password; when unset, one is generated at start and logged, except in a production profile
 * @param operators more operators, each with a login of their own (name to password, e.g.
 * {@code STILLPOINT_OPS_OPERATORS_ALICE}), so that the audit log says who replayed or discarded what
 */
@ConfigurationProperties("stillpoint.ops")
public record OpsLoginProperties(@DefaultValue("ops") String username, String password,
        @DefaultValue Map<String, String> operators) {
}
