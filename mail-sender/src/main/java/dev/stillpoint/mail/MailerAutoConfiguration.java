package dev.stillpoint.mail;

import java.io.UnsupportedEncodingException;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.InternetAddress;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The one way a service's emails leave: {@link SmtpMailer} over kept-open connections, from the service's
 * {@link SenderSettings}, with replies to the practice, bounces to the bounce address (VERP), DKIM when configured,
 * and the SMTP metrics ({@link MeteredMailer}).
 */
@AutoConfiguration(after = MailSenderAutoConfiguration.class)
@ConditionalOnBean(SenderSettings.class)
@EnableConfigurationProperties({ MailProperties.class, DkimProperties.class, EnvelopeProperties.class })
public class MailerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Mailer mailer(MailProperties mail, SenderSettings sender, DkimProperties dkim, EnvelopeProperties envelope,
            MeterRegistry registry) throws UnsupportedEncodingException {
        SenderIdentity identity = new SenderIdentity(new InternetAddress(sender.fromAddress(), sender.fromName(), "UTF-8"),
                new InternetAddress(envelope.replyTo(sender.replyTo()), sender.fromName(), "UTF-8"),
                envelope.bounces(sender.fromAddress()));
        return new MeteredMailer(new SmtpMailer(mail, identity, sender.connections(), DkimSigning.of(dkim),
                sender.maxInDoubt()), registry);
    }

}
