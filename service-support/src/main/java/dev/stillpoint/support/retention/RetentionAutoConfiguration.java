package dev.stillpoint.support.retention;

import java.time.Clock;
import java.util.List;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The service's retention rules ({@link RetentionRule} beans), run every {@code stillpoint.retention.interval} by
 * db-scheduler, on one instance at a time.
 */
@AutoConfiguration(after = JdbcClientAutoConfiguration.class)
@ConditionalOnClass(RecurringTask.class)
@ConditionalOnBean(JdbcClient.class)
@EnableConfigurationProperties(RetentionProperties.class)
public class RetentionAutoConfiguration {

    @Bean
    RetentionJobs retentionJobs(List<RetentionRule> rules, RetentionProperties properties, JdbcClient jdbc,
            ObjectProvider<Clock> clock) {
        return new RetentionJobs(rules, properties, jdbc, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    RecurringTask<Void> retention(RetentionJobs jobs, RetentionProperties properties) {
        return Tasks.recurring("retention", Schedules.fixedDelay(properties.interval()))
            .execute((instance, context) -> jobs.run());
    }

}
