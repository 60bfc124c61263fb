package dev.stillpoint.support;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The practice's login (role STAFF): the same {@code stillpoint.staff.*} settings in every service, so one login
 * works everywhere.
 *
 * @param username the login name
 * @param password the password; when unset, one is generated at start and logged, except in a production profile
 */
@ConfigurationProperties("stillpoint.staff")
public record StaffLoginProperties(@DefaultValue("staff") String username, String password) {
}
