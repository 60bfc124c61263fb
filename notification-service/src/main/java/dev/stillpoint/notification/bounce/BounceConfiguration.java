package dev.stillpoint.notification.bounce;

import java.time.Clock;
import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.stillpoint.events.mail.MailTopics;
import dev.stillpoint.support.retention.RetentionRule;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The bounce topic this service publishes to, the mailbox's reading by one instance at a time, and retention. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BounceProperties.class)
class BounceConfiguration {

    @Bean
    NewTopic mailBouncesTopic() {
        return TopicBuilder.name(MailTopics.BOUNCES).partitions(MailTopics.PARTITIONS).build();
    }

    /**
     * The mailbox is read every {@code poll-interval} by one instance: a db-scheduler recurring task, there only while
     * a host is set (an empty one, as docker compose passes an unset variable, counts as unset).
     */
    @Bean
    @ConditionalOnExpression("!'${stillpoint.bounces.mailbox.host:}'.isBlank()")
    RecurringTask<Void> bounceMailboxTask(BounceProperties properties, ObjectProvider<BounceLog> log, Clock clock) {
        // the log is looked up when the task runs: it cancels reminders through the scheduler this task belongs to
        return Tasks.recurring("bounce-mailbox", FixedDelay.of(properties.mailbox().pollInterval()))
            .execute((instance, context) -> {
                try {
                    new BounceMailbox(properties.mailbox(), log.getObject(), clock).read();
                }
                catch (jakarta.mail.MessagingException ex) {
                    throw new IllegalStateException("Could not read the bounce mailbox: " + ex.getMessage(), ex);
                }
            });
    }

    /** A report's diagnostic can hold the address: the log keeps it as long as a run of soft bounces can matter. */
    @Bean
    RetentionRule bounceLogRetention(BounceProperties properties) {
        Duration keep = properties.retention();
        return new RetentionRule("bounce-log", keep, "delete from bounce where recorded_at < ?",
                "bounces and complaints in the bounce log");
    }

}
