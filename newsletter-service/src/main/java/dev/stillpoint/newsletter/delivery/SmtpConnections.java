package dev.stillpoint.newsletter.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import dev.stillpoint.mail.MailDeliveryException;
import dev.stillpoint.mail.Mailer;
import dev.stillpoint.mail.MeteredMailer;
import dev.stillpoint.mail.OutgoingEmail;
import dev.stillpoint.newsletter.system.NewsletterProperties;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The instance's {@code stillpoint.newsletter.senders} kept-open SMTP connections, each with a thread of its own,
 * shared by its consumers: a chunk of recipients goes out side by side, at the throttle's pace per second.
 */
@Component
class SmtpConnections implements DisposableBean {

    private final Mailer mailer;

    private final MeterRegistry registry;

    private final TokenBucket perSecond;

    private final ExecutorService threads;

    SmtpConnections(Mailer mailer, NewsletterProperties properties, MeterRegistry registry) {
        this.mailer = mailer;
        this.registry = registry;
        this.perSecond = new TokenBucket(properties.ratePerSecond(), java.time.Duration.ofSeconds(1));
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(properties.senders(),
                (runnable) -> new Thread(runnable, "newsletter-smtp-" + count.incrementAndGet()));
    }

    /** Sends every email; returns, for each in order, null if the server accepted it, or why not. */
    List<MailDeliveryException> send(List<OutgoingEmail> emails) throws InterruptedException {
        List<Future<MailDeliveryException>> outcomes = new ArrayList<>(emails.size());
        for (OutgoingEmail email : emails) {
            outcomes.add(this.threads.submit(() -> sendOne(email)));
        }
        List<MailDeliveryException> failures = new ArrayList<>(emails.size());
        for (Future<MailDeliveryException> outcome : outcomes) {
            try {
                failures.add(outcome.get());
            }
            catch (ExecutionException ex) {
                // not an SMTP answer (the email could not be written): the batch is tried again
                throw new IllegalStateException("Could not send: " + ex.getCause(), ex.getCause());
            }
        }
        return failures;
    }

    private MailDeliveryException sendOne(OutgoingEmail email) throws InterruptedException {
        this.perSecond.take();
        try {
            this.mailer.send(email);
            MeteredMailer.count(this.registry, NewsletterSending.KIND, "sent");
            return null;
        }
        catch (MailDeliveryException ex) {
            MeteredMailer.count(this.registry, NewsletterSending.KIND, ex.isPermanent() ? "failed" : "retried");
            return ex;
        }
    }

    @Override
    public void destroy() {
        this.threads.shutdownNow();
    }

}
