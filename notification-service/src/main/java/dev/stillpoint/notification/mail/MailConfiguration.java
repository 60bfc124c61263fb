package dev.stillpoint.notification.mail;

import java.io.UnsupportedEncodingException;

import dev.stillpoint.mail.DkimProperties;
import dev.stillpoint.mail.DkimSigning;
import dev.stillpoint.mail.EnvelopeProperties;
import dev.stillpoint.mail.Mailer;
import dev.stillpoint.mail.MeteredMailer;
import dev.stillpoint.mail.SenderIdentity;
import dev.stillpoint.mail.SmtpMailer;
import dev.stillpoint.notification.delivery.DeliveryProperties;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.InternetAddress;

import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Emails go out from the practice, with replies to it and bounces to our bounce address, over one kept-open SMTP
 * connection per sender thread.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ DkimProperties.class, EnvelopeProperties.class })
class MailConfiguration {

    @Bean
    Mailer mailer(MailProperties mail, PracticeProperties practice, DeliveryProperties delivery, DkimProperties dkim,
            EnvelopeProperties envelope, MeterRegistry registry) throws UnsupportedEncodingException {
        SenderIdentity sender = new SenderIdentity(new InternetAddress(practice.email(), practice.name(), "UTF-8"),
                new InternetAddress(envelope.replyTo(practice.email()), practice.name(), "UTF-8"),
                envelope.bounces(practice.email()));
        return new MeteredMailer(new SmtpMailer(mail, sender, delivery.senders(), DkimSigning.of(dkim),
                Math.max(delivery.senders(), 1)), registry);
    }

}
