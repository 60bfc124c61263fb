package dev.stillpoint.support.practice;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The practice, one set of {@code stillpoint.practice.*} properties for every service: one environment variable (say
 * {@code STILLPOINT_PRACTICE_TIME_ZONE}) sets it everywhere.
 *
 * @param name shown as the sender of every email, in every footer and every page's header
 * @param practitioner who gives the sessions
 * @param email where clients write to: the sender of notification-service's emails, the organizer of calendar
 * invitations, the Reply-To of every email
 * @param address where sessions take place
 * @param phone for questions and late changes
 * @param timeZone where the practice is: opening hours, the staff's schedule and the newsletter's scheduling are in it
 */
@ConfigurationProperties("stillpoint.practice")
public record PracticeProperties(@DefaultValue("Stillpoint CranioSacral Therapy") String name,
        @DefaultValue("your practitioner") String practitioner, @DefaultValue("hello@stillpoint.example") String email,
        @DefaultValue("12 Quiet Lane, London N1 7AA") String address, @DefaultValue("020 7946 0000") String phone,
        @DefaultValue("Europe/London") ZoneId timeZone) {
}
