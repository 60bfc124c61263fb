package dev.stillpoint.notification.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The practice's login for the delivery log and timelines: the same {@code stillpoint.staff.*} settings as
 * booking-service, so one login works for both.
 *
 * @param username the login name
 * @param password the password; when unset, one is generated at start and logged
 */
@ConfigurationProperties("stillpoint.staff")
record StaffProperties(@DefaultValue("staff") String username, String password) {
}
