package dev.stillpoint.booking.appointment;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the practice takes bookings.
 *
 * @param openingHours when sessions may take place, in the practice's time zone ({@code stillpoint.practice.time-zone})
 * @param slot start times fall on multiples of this, counted from midnight (practice time)
 * @param bookingHorizon how far ahead a session may be booked
 * @param publicBaseUrl where clients reach booking-service: manage links start with it
 * @param manageLinkSecret key that signs manage links; keep it secret and stable across restarts
 * @param cancellationNotice how long before a session a client may still cancel or move it online; inside it, they
 * call the practice
 * @param maxUpcomingPerClient how many sessions one email address may hold ahead (booked or held) before it must ask
 * the practice; staff booking for a client are not held to it
 */
@ConfigurationProperties("stillpoint.booking")
public record BookingProperties(@DefaultValue OpeningHours openingHours, @DefaultValue("15m") Duration slot,
        @DefaultValue("400d") Duration bookingHorizon, @DefaultValue("http://localhost:8081") URI publicBaseUrl,
        String manageLinkSecret, @DefaultValue("24h") Duration cancellationNotice,
        @DefaultValue("12") int maxUpcomingPerClient) {

    /** The cancellation notice period in words, such as "24 hours". */
    public String cancellationNoticeInWords() {
        long hours = this.cancellationNotice.toHours();
        return (this.cancellationNotice.toMinutesPart() == 0) ? hours + ((hours == 1) ? " hour" : " hours")
                : this.cancellationNotice.toMinutes() + " minutes";
    }

    /**
     * @param days the days the practice is open
     * @param opens the earliest start
     * @param closes the latest end
     */
    public record OpeningHours(
            @DefaultValue({ "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY" }) Set<DayOfWeek> days,
            @DefaultValue("09:00") LocalTime opens, @DefaultValue("18:00") LocalTime closes) {
    }

}
