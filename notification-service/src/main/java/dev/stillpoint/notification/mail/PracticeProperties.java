package dev.stillpoint.notification.mail;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The practice as clients see it in every email.
 *
 * @param name shown as the sender and in every footer
 * @param practitioner who gives the sessions
 * @param email the sending address, and the organizer of calendar invitations
 * @param address where sessions take place
 * @param phone for questions and late changes
 * @param timeZone where the practice is
 */
@ConfigurationProperties("stillpoint.practice")
public record PracticeProperties(@DefaultValue("Stillpoint CranioSacral Therapy") String name,
        @DefaultValue("your practitioner") String practitioner, @DefaultValue("hello@stillpoint.example") String email,
        @DefaultValue("12 Quiet Lane, London N1 7AA") String address, @DefaultValue("020 7946 0000") String phone,
        @DefaultValue("Europe/London") ZoneId timeZone) {
}
