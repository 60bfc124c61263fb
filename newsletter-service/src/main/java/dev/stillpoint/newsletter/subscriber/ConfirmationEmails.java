package dev.stillpoint.newsletter.subscriber;

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
import dev.stillpoint.mail.RetrySchedule;
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
 * The double opt-in email, sent by a db-scheduler task scheduled with the subscription. What the SMTP server says is
 * judged as for every email (mail-sender's {@link RetrySchedule}): a permanent (5xx) refusal, or the last attempt, is
 * given up on; anything else is tried again after the schedule's delay.
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
        RetrySchedule retries = properties.retries();
        FailureHandler<Void> later = (complete, operations) -> operations.reschedule(complete, complete.getTimeDone()
            .plus(retries.delay(complete.getExecution().consecutiveFailures + 1)));
        return Tasks.oneTime(TASK)
            .onFailure(later)
            .execute((instance, context) -> subscribers.findById(UUID.fromString(instance.getId()))
                .filter((subscriber) -> subscriber.status() == Subscriber.Status.PENDING)
                .ifPresent((subscriber) -> send(subscriber, context.getExecution().consecutiveFailures + 1, tokens,
                        mailer, templates, properties, registry)));
    }

    private static void send(Subscriber subscriber, int attempt, SubscriberTokens tokens, Mailer mailer,
            TemplateEngine templates, NewsletterProperties properties, MeterRegistry registry) {
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
            RetrySchedule.Verdict verdict = properties.retries().judge(ex, attempt);
            MeteredMailer.count(registry, KIND, verdict.outcome());
            if (!verdict.failed()) {
                throw new IllegalStateException("Will retry the confirmation email: " + ex.getMessage(), ex);
            }
            logger.warn("Gave up on subscriber {}'s confirmation email: {}", subscriber.id(),
                    Redaction.addresses(verdict.reason()));
        }
    }

}
