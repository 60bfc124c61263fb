package dev.stillpoint.support;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** The staff and ops logins, in place of Spring Boot's generated "user". */
@AutoConfiguration(before = UserDetailsServiceAutoConfiguration.class)
@EnableConfigurationProperties({ StaffLoginProperties.class, OpsLoginProperties.class })
public class LoginsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(UserDetailsService.class)
    InMemoryUserDetailsManager stillpointLogins(StaffLoginProperties staff, OpsLoginProperties ops,
            Environment environment) {
        return Logins.of(staff, ops, environment);
    }

}
