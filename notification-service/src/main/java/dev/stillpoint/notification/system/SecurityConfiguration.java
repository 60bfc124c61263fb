package dev.stillpoint.notification.system;

import dev.stillpoint.support.SignIn;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Notification timelines show clients' addresses: the API needs the STAFF role, over HTTP Basic. The ops console
 * ({@code /ops}) needs the OPS role: people sign in with the form at {@code /ops/login}, scripts use HTTP Basic.
 * Health (for probes) and the Prometheus endpoint (for the scraper; figures only, no addresses) stay open. The
 * logins come from service-support ({@code stillpoint.staff.*}, {@code stillpoint.ops.*}). The bounce webhook checks
 * its provider's bearer secret itself, after the rate limit, so that guessing it is limited too.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain notificationSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests((requests) -> requests
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                        "/error", "/ops/login", "/webhooks/bounces")
                .permitAll()
                .requestMatchers("/ops/**", "/actuator/**").hasRole("OPS")
                .anyRequest().hasRole("STAFF"))
            .csrf((csrf) -> csrf.ignoringRequestMatchers(SignIn.scriptRequests("/api/**"),
                    PathPatternRequestMatcher.withDefaults().matcher("/webhooks/bounces")));
        return SignIn.formForPeopleBasicForScripts(http, "/ops", "/ops", "/api/**", "/actuator/**").build();
    }

}
