package dev.stillpoint.support.practice;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every service shares about the practice and the time: {@link PracticeProperties}, and one UTC clock that
 * everything that tells time reads (db-scheduler included: before its auto-configuration, which would otherwise give
 * it the system clock), so that a test can move it by declaring a {@code @Primary} clock of its own.
 */
@AutoConfiguration(beforeName = "com.github.kagkarlsson.scheduler.boot.autoconfigure.DbSchedulerAutoConfiguration")
@EnableConfigurationProperties(PracticeProperties.class)
public class PracticeAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(com.github.kagkarlsson.scheduler.Clock.class)
    static class SchedulerClock {

        @Bean
        @ConditionalOnMissingBean
        com.github.kagkarlsson.scheduler.Clock dbSchedulerClock(Clock clock) {
            return clock::instant;
        }

    }

}
