package dev.stillpoint.notification.mail;

import java.io.UnsupportedEncodingException;

import dev.stillpoint.mail.DkimProperties;
import dev.stillpoint.mail.DkimSigning;
import dev.stillpoint.mail.Mailer;
import dev.stillpoint.mail.MeteredMailer;
import dev.stillpoint.mail.SmtpMailer;
import dev.stillpoint.notification.delivery.DeliveryProperties;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.InternetAddress;

import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Emails go out from the practice, over one kept-open SMTP connection per sender thread. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DkimProperties.class)
class MailConfiguration {

    @Bean
    Mailer mailer(MailProperties mail, PracticeProperties practice, DeliveryProperties delivery, DkimProperties dkim,
            MeterRegistry registry) throws UnsupportedEncodingException {
        return new MeteredMailer(new SmtpMailer(mail, new InternetAddress(practice.email(), practice.name(), "UTF-8"),
                delivery.senders(), DkimSigning.of(dkim)), registry);
    }

}
