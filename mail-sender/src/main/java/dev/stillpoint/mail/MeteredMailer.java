package dev.stillpoint.mail;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Times every hand-over to the SMTP server ({@code stillpoint.smtp.send}, a histogram, tagged with the outcome:
 * {@code accepted}, {@code transient} or {@code permanent}) and counts the emails by kind and outcome
 * ({@code stillpoint.emails}).
 */
public class MeteredMailer implements Mailer {

    static final String SEND_TIMER = "stillpoint.smtp.send";

    private final Mailer mailer;

    private final MeterRegistry registry;

    public MeteredMailer(Mailer mailer, MeterRegistry registry) {
        this.mailer = mailer;
        this.registry = registry;
    }

    @Override
    public void send(OutgoingEmail email) throws MailDeliveryException {
        send(email, null);
    }

    @Override
    public void send(OutgoingEmail email, Acceptance accepted) throws MailDeliveryException {
        Timer.Sample sample = Timer.start(this.registry);
        String outcome = "accepted";
        try {
            if (accepted != null) {
                this.mailer.send(email, accepted);
            }
            else {
                this.mailer.send(email);
            }
        }
        catch (MailDeliveryException ex) {
            outcome = ex.isPermanent() ? "permanent" : "transient";
            throw ex;
        }
        finally {
            sample.stop(Timer.builder(SEND_TIMER)
                .description("Time the SMTP server took to accept (or refuse) an email")
                .tag("outcome", outcome)
                .register(this.registry));
        }
    }

    /**
     * Counts one email's final outcome, or a retry, in {@code stillpoint.emails}.
     *
     * @param registry where the counter lives
     * @param kind what the email is, e.g. {@code BOOKING_CONFIRMED}, {@code HYDRATION_REMINDER}, {@code NEWSLETTER}
     * @param outcome {@code sent}, {@code failed} (given up on) or {@code retried}
     */
    public static void count(MeterRegistry registry, String kind, String outcome) {
        registry.counter("stillpoint.emails", "kind", kind, "outcome", outcome).increment();
    }

}
