package dev.stillpoint.newsletter.system;

import dev.stillpoint.mail.SenderSettings;
import dev.stillpoint.support.practice.PracticeProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The newsletter goes out from its own address, with replies to the practice, over one kept-open SMTP connection per
 * sender (and one for confirmations), with at most {@code max-in-doubt} emails accepted by the server and not yet
 * recorded at any moment; mail-sender's auto-configuration builds the mailer.
 */
@Configuration(proxyBeanMethods = false)
class NewsletterSender {

    @Bean
    SenderSettings senderSettings(NewsletterProperties newsletter, PracticeProperties practice) {
        return new SenderSettings(newsletter.fromAddress(), newsletter.fromName(), practice.email(),
                newsletter.senders() + 1, newsletter.maxInDoubt());
    }

}
