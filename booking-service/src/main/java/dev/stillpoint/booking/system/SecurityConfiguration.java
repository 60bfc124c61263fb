package dev.stillpoint.booking.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Clients book without an account (their booking id and manage link are their credentials); staff endpoints need the
 * STAFF role, over HTTP Basic. The logins themselves come from service-support ({@code stillpoint.staff.*}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests((requests) -> requests
                .requestMatchers("/api/staff/**").hasRole("STAFF")
                .anyRequest().permitAll())
            .httpBasic(Customizer.withDefaults())
            .csrf((csrf) -> csrf.ignoringRequestMatchers("/api/**"));
        return http.build();
    }

}
