package dev.stillpoint.booking.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The practitioner's login for staff endpoints.
 *
 * @param username the login name
 * @param password the password; when unset, one is generated at start and logged
 */
@ConfigurationProperties("stillpoint.staff")
record StaffProperties(@DefaultValue("staff") String username, String password) {
}
