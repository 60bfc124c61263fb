package dev.stillpoint.newsletter.delivery;

import java.time.Duration;
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

import dev.stillpoint.mail.Acceptance;
import dev.stillpoint.mail.MailDeliveryException;
import dev.stillpoint.mail.Mailer;
import dev.stillpoint.mail.OutgoingEmail;
import dev.stillpoint.newsletter.system.NewsletterProperties;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The instance's {@code stillpoint.newsletter.senders} kept-open SMTP connections, each with a thread of its own,
 * shared by its consumers: a chunk of recipients goes out side by side, at the throttle's pace per second.
 */
@Component
class SmtpConnections implements DisposableBean {

    private final Mailer mailer;

    private final TokenBucket perSecond;

    private final ExecutorService threads;

    SmtpConnections(Mailer mailer, NewsletterProperties properties) {
        this.mailer = mailer;
        this.perSecond = new TokenBucket(properties.ratePerSecond(), Duration.ofSeconds(1));
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(properties.senders(),
                (runnable) -> new Thread(runnable, "newsletter-smtp-" + count.incrementAndGet()));
    }

    /**
     * Sends every email; returns, for each in order, null if the server accepted it, or why not. Hands the indexes of
     * the accepted ones to {@code accepted} as the server accepts them: each time, all those accepted since the last
     * time. Each stays in doubt (accepted, not recorded) until {@code accepted} returns, and the mailer lets no more
     * than {@code max-in-doubt} be: an instance killed at any moment sends no more than that again.
     */
    List<MailDeliveryException> send(List<OutgoingEmail> emails, Consumer<List<Integer>> accepted)
            throws InterruptedException {
        CompletionService<Integer> completions = new ExecutorCompletionService<>(this.threads);
        MailDeliveryException[] failures = new MailDeliveryException[emails.size()];
        Runnable[] recorded = new Runnable[emails.size()];
        for (int i = 0; i < emails.size(); i++) {
            int index = i;
            completions.submit(() -> {
                failures[index] = sendOne(emails.get(index), (done) -> recorded[index] = done);
                return index;
            });
        }
        // after a failure the others are still waited for, so that each permit is given back; the batch comes again
        RuntimeException failed = null;
        for (int ended = 0; ended < emails.size();) {
            List<Integer> group = new ArrayList<>();
            // wait for one, then take every other that has ended meanwhile: the group grows while a statement runs
            for (Future<Integer> sent = completions.take(); sent != null; sent = completions.poll()) {
                ended++;
                try {
                    int index = sent.get();
                    if (failures[index] == null) {
                        group.add(index);
                    }
                }
                catch (ExecutionException ex) {
                    // not an SMTP answer (the email could not be written)
                    failed = new IllegalStateException("Could not send: " + ex.getCause(), ex.getCause());
                }
            }
            try {
                accepted.accept(group);
            }
            catch (RuntimeException ex) {
                failed = ex;
            }
            finally {
                group.forEach((index) -> recorded[index].run());
            }
        }
        if (failed != null) {
            throw failed;
        }
        return Arrays.asList(failures);
    }

    private MailDeliveryException sendOne(OutgoingEmail email, Acceptance acceptance) throws InterruptedException {
        this.perSecond.take();
        try {
            this.mailer.send(email, acceptance);
            return null;
        }
        catch (MailDeliveryException ex) {
            return ex;
        }
    }

    @Override
    public void destroy() {
        this.threads.shutdownNow();
    }

}
