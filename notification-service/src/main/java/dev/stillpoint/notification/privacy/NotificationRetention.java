package dev.stillpoint.notification.privacy;

import java.time.Duration;

import dev.stillpoint.support.retention.RetentionRule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What notification-service keeps only for a while. */
@Configuration(proxyBeanMethods = false)
class NotificationRetention {

    /**
     * Once no email of a booking is waiting and the last was due a while ago, the chain is over: each row keeps what it
     * was (kind, status, Message-ID, times) but not the client's address (only its hash, which erasure still finds),
     * its copy of the booking event, nor a bounce's diagnostic (which can quote the address): only its kind and status.
     */
    @Bean
    RetentionRule notificationPersonalData() {
        return new RetentionRule("notification-personal-data", Duration.ofDays(30), """
                update notification
                set recipient = 'sha256:' || encode(sha256(convert_to(lower(btrim(recipient)), 'UTF8')), 'hex'),
                    event = '{"reduced": true}',
                    bounce = substring(bounce from '^[A-Z]+(?: [0-9]\\.[0-9]{1,3}\\.[0-9]{1,3})?')
                where recipient not like 'sha256:%' and booking_id in (
                    select booking_id from notification group by booking_id
                    having bool_and(status <> 'PENDING') and max(due_at) < ?)""",
                "notifications of chains that are over (address and event reduced)");
    }

    /** Redelivered events come within Kafka's retention (7 days by default); their ids are kept longer than that. */
    @Bean
    RetentionRule processedEvents() {
        return new RetentionRule("processed-events", Duration.ofDays(30),
                "delete from processed_event where processed_at < ?", "ids of events acted on");
    }

    /** A replayed dead letter's bodies hold personal data: kept a month, for looking into the replay. */
    @Bean
    RetentionRule auditBodies() {
        return new RetentionRule("ops-audit-bodies", Duration.ofDays(30),
                "update ops_audit set body_before = null, body_after = null where at < ? and body_before is not null",
                "bodies of replayed dead letters in the audit log");
    }

    @Bean
    RetentionRule audit() {
        return new RetentionRule("ops-audit", Duration.ofDays(365), "delete from ops_audit where at < ?",
                "audit log entries");
    }

}
