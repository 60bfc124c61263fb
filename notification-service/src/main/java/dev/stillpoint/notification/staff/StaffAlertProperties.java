package dev.stillpoint.notification.staff;

import java.net.URI;
import java.time.LocalTime;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The emails that tell the practice what needs it: a booking held for review, a session a client cancelled or moved.
 *
 * @param to who gets them; empty: the practice's own address ({@code stillpoint.practice.email})
 * @param staffPages where booking-service's staff pages are: the alerts link to the review page and the schedule
 * @param agendaAt when the day's agenda goes out, in the practice's time zone (none on a day without sessions)
 */
@ConfigurationProperties("stillpoint.staff-alerts")
public record StaffAlertProperties(@DefaultValue List<String> to,
        @DefaultValue("http://localhost:8081/staff") URI staffPages, @DefaultValue("07:00") LocalTime agendaAt) {

    /** A staff page, e.g. {@code review}. */
    public URI page(String path) {
        return URI.create(this.staffPages.toString().replaceAll("/+$", "") + "/" + path);
    }

}
