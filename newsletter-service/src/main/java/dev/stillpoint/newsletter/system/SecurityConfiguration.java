package dev.stillpoint.newsletter.system;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.StringUtils;

/**
 * Subscribing, confirming and unsubscribing are public (the links carry signed tokens); writing and publishing
 * issues needs the STAFF role. One-click unsubscribe is a POST from mail providers, so it takes no CSRF token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger logger = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityFilterChain newsletterSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests((requests) -> requests
                .requestMatchers("/api/newsletter/**").hasRole("STAFF")
                .anyRequest().permitAll())
            .httpBasic(Customizer.withDefaults())
            .csrf((csrf) -> csrf.ignoringRequestMatchers("/api/**", "/unsubscribe"));
        return http.build();
    }

    @Bean
    UserDetailsService staffLogin(StaffProperties staff) {
        String password = staff.password();
        if (!StringUtils.hasText(password)) {
            byte[] secret = new byte[12];
            new SecureRandom().nextBytes(secret);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            logger.warn("No stillpoint.staff.password set; this run's password for '{}' is {}", staff.username(),
                    password);
        }
        return new InMemoryUserDetailsManager(User.withUsername(staff.username())
            .password(PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(password))
            .roles("STAFF")
            .build());
    }

}
