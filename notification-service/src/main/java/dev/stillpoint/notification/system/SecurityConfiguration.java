package dev.stillpoint.notification.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Notification timelines show clients' addresses: the API needs the STAFF role, over HTTP Basic. The ops console
 * ({@code /ops}) needs the OPS role: people sign in with the form at {@code /ops/login}, scripts use HTTP Basic.
 * Health (for probes) and the Prometheus endpoint (for the scraper; figures only, no addresses) stay open. The
 * logins come from service-support ({@code stillpoint.staff.*}, {@code stillpoint.ops.*}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain notificationSecurity(HttpSecurity http) throws Exception {
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("Stillpoint");
        http.authorizeHttpRequests((requests) -> requests
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                        "/error", "/ops/login")
                .permitAll()
                .requestMatchers("/ops/**", "/actuator/**").hasRole("OPS")
                .anyRequest().hasRole("STAFF"))
            .formLogin((form) -> form.loginPage("/ops/login").defaultSuccessUrl("/ops"))
            .logout((logout) -> logout.logoutUrl("/ops/logout").logoutSuccessUrl("/ops/login?logout"))
            .httpBasic(Customizer.withDefaults())
            // scripts get a 401 asking for Basic credentials, people a redirect to the sign-in form
            .exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(basic,
                    PathPatternRequestMatcher.withDefaults().matcher("/api/**"))
                .defaultAuthenticationEntryPointFor(basic,
                        PathPatternRequestMatcher.withDefaults().matcher("/actuator/**")))
            .csrf((csrf) -> csrf.ignoringRequestMatchers("/api/**"));
        return http.build();
    }

}
