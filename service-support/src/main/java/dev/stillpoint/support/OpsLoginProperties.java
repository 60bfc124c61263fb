package dev.stillpoint.support;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operators' login (role OPS) for the ops console and the actuator endpoints that are not public, set like the
 * staff login: {@code stillpoint.ops.username} and {@code stillpoint.ops.password}.
 *
 * @param username the login name
 * @param password the password; when unset, one is generated at start and logged, except in a production profile
 */
@ConfigurationProperties("stillpoint.ops")
public record OpsLoginProperties(@DefaultValue("ops") String username, String password) {
}
