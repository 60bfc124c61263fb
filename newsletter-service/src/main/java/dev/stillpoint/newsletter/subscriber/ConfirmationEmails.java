package dev.stillpoint.newsletter.subscriber;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.stillpoint.mail.MailDeliveryException;
import dev.stillpoint.mail.Mailer;
import dev.stillpoint.mail.MeteredMailer;
import dev.stillpoint.mail.OutgoingEmail;
import dev.stillpoint.newsletter.subscriber.SubscriberTokens.Purpose;
import dev.stillpoint.newsletter.system.NewsletterProperties;
import dev.stillpoint.support.Redaction;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The double opt-in email, sent by a db-scheduler task scheduled with the subscription: retried with growing
 * delays while the SMTP server is away, given up on a permanent (5xx) refusal.
 */
@Configuration(proxyBeanMethods = false)
class ConfirmationEmails {

    static final TaskDescriptor<Void> TASK = TaskDescriptor.of("newsletter-confirmation");

    /** The kind in the {@code stillpoint.emails} counter. */
    static final String KIND = "NEWSLETTER_CONFIRMATION";

    private static final Logger logger = LoggerFactory.getLogger(ConfirmationEmails.class);

    @Bean
    OneTimeTask<Void> newsletterConfirmationTask(SubscriberRepository subscribers, SubscriberTokens tokens,
            Mailer mailer, TemplateEngine templates, NewsletterProperties properties, MeterRegistry registry) {
        return Tasks.oneTime(TASK)
            .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(10), 2.0))
            .execute((instance, context) -> subscribers.findById(UUID.fromString(instance.getId()))
                .filter((subscriber) -> subscriber.status() == Subscriber.Status.PENDING)
                .ifPresent((subscriber) -> send(subscriber, tokens, mailer, templates, properties, registry)));
    }

    private static void send(Subscriber subscriber, SubscriberTokens tokens, Mailer mailer, TemplateEngine templates,
            NewsletterProperties properties, MeterRegistry registry) {
        String link = properties.link("/subscribe/confirm?token=" + tokens.token(subscriber.id(), Purpose.CONFIRM))
            .toString();
        Context model = new Context();
        model.setVariable("name", subscriber.name());
        model.setVariable("link", link);
        model.setVariable("from", properties.fromName());
        String greeting = (subscriber.name() != null) ? "Dear " + subscriber.name() + "," : "Hello,";
        String text = greeting + "\n\nPlease confirm that you would like the quarterly newsletter of " + properties.fromName()
                + " by opening this link:\n" + link + "\n\nIf you did not ask for it, ignore this email and you will "
                + "hear nothing more from us.\n";
        try {
            mailer.send(new OutgoingEmail("<" + UUID.randomUUID() + "@" + properties.messageIdDomain() + ">",
                    subscriber.email(), subscriber.name(), "Please confirm your subscription to our newsletter", text,
                    templates.process("mail/confirm-subscription", model), List.of()));
            logger.info("Sent the subscription confirmation to subscriber {}", subscriber.id());
            MeteredMailer.count(registry, KIND, "sent");
        }
        catch (MailDeliveryException ex) {
            if (!ex.isPermanent()) {
                MeteredMailer.count(registry, KIND, "retried");
                throw new IllegalStateException("Will retry the confirmation email: " + ex.getMessage(), ex);
            }
            logger.warn("Subscriber {}'s address was refused for good: {}", subscriber.id(),
                    Redaction.addresses(ex.getMessage()));
            MeteredMailer.count(registry, KIND, "failed");
        }
    }

}
