package dev.stillpoint.booking.privacy;

import java.time.Duration;

import dev.stillpoint.support.retention.RetentionRule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What booking-service keeps only for a while (the outbox's published events are the outbox module's rule). */
@Configuration(proxyBeanMethods = false)
class BookingRetention {

    /** The answers to the health screen matter until the session is over; then they are cleared. */
    @Bean
    RetentionRule screeningRetention() {
        return new RetentionRule("screening", Duration.ofDays(30), """
                update booking set screen_aneurysm = null, screen_cerebral_hemorrhage = null,
                    screen_bleeding_disorder = null, screen_intracranial_pressure = null
                where ends_at < ? and screen_aneurysm is not null""", "screening answers of past sessions");
    }

    /**
     * A waitlist entry (a name, an address, health answers) is kept while it may still be offered a time; once over
     * (booked, left, or past its last day) it is deleted with its offers, a week on.
     */
    @Bean
    RetentionRule waitlistRetention() {
        return new RetentionRule("waitlist", Duration.ofDays(7), """
                delete from waitlist_entry where (status <> 'WAITING' and updated_at < ?)
                    or last_day < current_date - 7""", "waitlist entries that are over");
    }

}
