package dev.stillpoint.support.limits;

import java.time.Duration;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Per client address limits on a service's public writes, for every service that names limits under
 * {@code stillpoint.rate-limit.limits} and keeps the buckets' table ({@code rate_limit_bucket}, in its Flyway
 * migrations).
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(Bucket4jPostgreSQL.class)
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimitAutoConfiguration {

    static final String TABLE = "rate_limit_bucket";

    @Bean
    PostgreSQLSelectForUpdateBasedProxyManager<String> rateLimitBuckets(DataSource dataSource) {
        return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
            .primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table(TABLE)
            // a bucket that has refilled to full is the same as none: its row may go
            .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
            .build();
    }

    @Bean
    ClientRateLimits clientRateLimits(PostgreSQLSelectForUpdateBasedProxyManager<String> rateLimitBuckets,
            RateLimitProperties properties) {
        return new ClientRateLimits(rateLimitBuckets, properties);
    }

    @Bean
    WebMvcConfigurer rateLimitInterceptor(ClientRateLimits limits) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new RateLimitInterceptor(limits));
            }
        };
    }

    @Bean
    RateLimitedPageAdvice rateLimitedPageAdvice() {
        return new RateLimitedPageAdvice();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(RecurringTask.class)
    static class Cleanup {

        /** Deletes the rows of buckets that have refilled, every ten minutes, on one instance at a time. */
        @Bean
        RecurringTask<Void> rateLimitBucketCleanup(PostgreSQLSelectForUpdateBasedProxyManager<String> rateLimitBuckets,
                RateLimitProperties properties) {
            return Tasks.recurring("rate-limit-bucket-cleanup", Schedules.fixedDelay(Duration.ofMinutes(10)))
                .execute((instance, context) -> {
                    while (!properties.limits().isEmpty() && rateLimitBuckets.removeExpired(1000) == 1000) {
                        // another batch
                    }
                });
        }

    }

}
