package dev.stillpoint.newsletter.delivery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

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

    /**
     * Sends every email; returns, for each in order, null if the server accepted it, or why not. As they are accepted,
     * hands the indexes of the accepted ones to {@code accepted}: each time, all those accepted since the last time,
     * so that what was sent is recorded within about one statement's time: an instance killed mid-chunk sends again
     * only the few emails the server had just accepted, not the whole chunk.
     */
    List<MailDeliveryException> send(List<OutgoingEmail> emails, Consumer<List<Integer>> accepted)
            throws InterruptedException {
        CompletionService<Integer> completions = new ExecutorCompletionService<>(this.threads);
        MailDeliveryException[] failures = new MailDeliveryException[emails.size()];
        for (int i = 0; i < emails.size(); i++) {
            int index = i;
            completions.submit(() -> {
                failures[index] = sendOne(emails.get(index));
                return index;
            });
        }
        int done = 0;
        while (done < emails.size()) {
            List<Integer> group = new ArrayList<>();
            // wait for one, then take every other that has ended meanwhile: the group grows while a statement runs
            for (Future<Integer> ended = completions.take(); ended != null; ended = completions.poll()) {
                done++;
                int index = outcome(ended);
                if (failures[index] == null) {
                    group.add(index);
                }
            }
            accepted.accept(group);
        }
        return Arrays.asList(failures);
    }

    private static int outcome(Future<Integer> ended) throws InterruptedException {
        try {
            return ended.get();
        }
        catch (ExecutionException ex) {
            // not an SMTP answer (the email could not be written): the batch is tried again
            throw new IllegalStateException("Could not send: " + ex.getCause(), ex.getCause());
        }
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
