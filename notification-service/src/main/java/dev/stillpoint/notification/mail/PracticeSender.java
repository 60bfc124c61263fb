package dev.stillpoint.notification.mail;

import dev.stillpoint.mail.SenderSettings;
import dev.stillpoint.notification.delivery.DeliveryProperties;
import dev.stillpoint.support.practice.PracticeProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Emails go out from the practice, over one kept-open SMTP connection per sender thread, each of which may have one
 * email in doubt; mail-sender's auto-configuration builds the mailer.
 */
@Configuration(proxyBeanMethods = false)
class PracticeSender {

    @Bean
    SenderSettings senderSettings(PracticeProperties practice, DeliveryProperties delivery) {
        int senders = Math.max(delivery.senders(), 1);
        return new SenderSettings(practice.email(), practice.name(), practice.email(), senders, senders);
    }

}
