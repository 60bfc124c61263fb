package dev.stillpoint.newsletter.system;

import java.io.UnsupportedEncodingException;

import dev.stillpoint.mail.DkimProperties;
import dev.stillpoint.mail.DkimSigning;
import dev.stillpoint.mail.EnvelopeProperties;
import dev.stillpoint.mail.Mailer;
import dev.stillpoint.mail.MeteredMailer;
import dev.stillpoint.mail.SenderIdentity;
import dev.stillpoint.mail.SmtpMailer;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.InternetAddress;

import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The newsletter goes out from its own address, with replies to the practice and bounces to our bounce address, over one kept-open SMTP connection per sender, with at most
 * {@code max-in-doubt} emails accepted by the server and not yet recorded at any moment.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ DkimProperties.class, EnvelopeProperties.class })
class MailConfiguration {

    @Bean
    Mailer mailer(MailProperties mail, NewsletterProperties newsletter, DkimProperties dkim,
            EnvelopeProperties envelope, MeterRegistry registry) throws UnsupportedEncodingException {
        SenderIdentity sender = new SenderIdentity(
                new InternetAddress(newsletter.fromAddress(), newsletter.fromName(), "UTF-8"),
                new InternetAddress(envelope.replyTo(newsletter.fromAddress()), newsletter.fromName(), "UTF-8"),
                envelope.bounces(newsletter.fromAddress()));
        return new MeteredMailer(new SmtpMailer(mail, sender, newsletter.senders() + 1, DkimSigning.of(dkim),
                newsletter.maxInDoubt()), registry);
    }

}
