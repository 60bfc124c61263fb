package dev.stillpoint.newsletter.delivery;

import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The progress of the issues going out (sending or paused): {@code stillpoint_newsletter_recipients{status=...}}
 * counts their recipients queued, sent, failed, skipped and cancelled; {@code stillpoint_newsletter_issues_sending}
 * how many issues are going out. Once an issue is finished, its figures live on in {@code stillpoint_emails_total}.
 */
@Component
class NewsletterMetrics implements MeterBinder {

    private static final List<String> STATUSES = List.of("QUEUED", "SENT", "FAILED", "SKIPPED", "CANCELLED");

    private final JdbcClient jdbc;

    NewsletterMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String status : STATUSES) {
            Gauge.builder("stillpoint.newsletter.recipients", () -> recipients(status))
                .description("Recipients of the issues going out, by delivery status")
                .tag("status", status.toLowerCase())
                .register(registry);
        }
        Gauge.builder("stillpoint.newsletter.issues.sending", () -> this.jdbc
            .sql("select count(*) from newsletter_issue where status in ('SENDING', 'PAUSED')").query(Long.class).single())
            .description("Issues going out (sending or paused)")
            .register(registry);
    }

    private long recipients(String status) {
        return this.jdbc.sql("""
                select count(*) from delivery d join newsletter_issue i on i.id = d.issue_id
                where i.status in ('SENDING', 'PAUSED') and d.status = ?""")
            .param(status)
            .query(Long.class)
            .single();
    }

}
