package dev.stillpoint.newsletter.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The staff login for writing and publishing issues: the same {@code stillpoint.staff.*} settings as the other
 * services, so one login works everywhere.
 *
 * @param username the login name
 * @param password the password; when unset, one is generated at start and logged
 */
@ConfigurationProperties("stillpoint.staff")
record StaffProperties(@DefaultValue("staff") String username, String password) {
}
