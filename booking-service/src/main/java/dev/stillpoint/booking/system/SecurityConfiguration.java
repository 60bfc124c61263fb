package dev.stillpoint.booking.system;

import java.security.SecureRandom;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.StringUtils;

/**
 * Clients book without an account (their booking id and manage link are their credentials); staff endpoints need the
 * STAFF role, over HTTP Basic.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger logger = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests((requests) -> requests
                .requestMatchers("/api/staff/**").hasRole("STAFF")
                .anyRequest().permitAll())
            .httpBasic(Customizer.withDefaults())
            .csrf((csrf) -> csrf.ignoringRequestMatchers("/api/**"));
        return http.build();
    }

    @Bean
    InMemoryUserDetailsManager staffUsers(StaffProperties staff) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        String password = staff.password();
        if (!StringUtils.hasText(password)) {
            byte[] random = new byte[12];
            new SecureRandom().nextBytes(random);
            password = HexFormat.of().formatHex(random);
            logger.warn("stillpoint.staff.password is not set; generated password for '{}': {}", staff.username(),
                    password);
        }
        return new InMemoryUserDetailsManager(
                User.withUsername(staff.username()).password(encoder.encode(password)).roles("STAFF").build());
    }

}
