package dev.stillpoint.booking.practice;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The practice as its pages name it. The same {@code stillpoint.practice.*} properties name it in notification-service's
 * emails, so one environment variable (say {@code STILLPOINT_PRACTICE_PHONE}) sets both.
 *
 * @param name shown in every page's header
 * @param practitioner who gives the sessions
 * @param phone whom to call when a change can no longer be made online
 * @param email where clients write to
 * @param address where sessions take place
 */
@ConfigurationProperties("stillpoint.practice")
public record PracticeProperties(@DefaultValue("Stillpoint CranioSacral Therapy") String name,
        @DefaultValue("your practitioner") String practitioner, @DefaultValue("020 7946 0000") String phone,
        @DefaultValue("hello@stillpoint.example") String email,
        @DefaultValue("12 Quiet Lane, London N1 7AA") String address) {
}
