package dev.stillpoint.booking.staff;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the staff pages of the other services are, for the staff home page ({@code /staff}) to link to; one sign-in
 * covers them all.
 *
 * @param newsletter newsletter-service's staff pages: issues and subscribers
 * @param ops notification-service's ops console: topics, lag, dead letters and the delivery log
 */
@ConfigurationProperties("stillpoint.staff-home")
record StaffHomeProperties(@DefaultValue("http://localhost:8083/staff/newsletter") URI newsletter,
        @DefaultValue("http://localhost:8082/ops") URI ops) {
}
