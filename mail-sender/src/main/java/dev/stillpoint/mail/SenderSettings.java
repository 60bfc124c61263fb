package dev.stillpoint.mail;

/**
 * What differs between the services that send: a service declares one of these as a bean, and
 * {@link MailerAutoConfiguration} builds its {@link Mailer} from it and the shared settings ({@code spring.mail.*},
 * {@code stillpoint.mail.*}).
 *
 * @param fromAddress the sender of every email
 * @param fromName the sender's name
 * @param replyTo where replies go, unless {@code stillpoint.mail.reply-to} says otherwise: the practice
 * @param connections how many SMTP connections to keep open: as many as threads that send at the same time
 * @param maxInDoubt how many emails may be accepted by the server and not yet recorded by their sender, at once
 */
public record SenderSettings(String fromAddress, String fromName, String replyTo, int connections, int maxInDoubt) {
}
