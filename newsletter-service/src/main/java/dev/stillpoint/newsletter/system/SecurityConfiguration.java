package dev.stillpoint.newsletter.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Subscribing, confirming and unsubscribing are public (the links carry signed tokens); writing and publishing
 * issues needs the STAFF role: people sign in with a form at {@code /staff/login}, scripts use HTTP Basic.
 * One-click unsubscribe is a POST from mail providers, so it takes no CSRF token. The logins come from
 * service-support ({@code stillpoint.staff.*}), which refuses a missing password in the prod and docker profiles.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain newsletterSecurity(HttpSecurity http) throws Exception {
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("Stillpoint staff");
        http.authorizeHttpRequests((requests) -> requests
                .requestMatchers("/staff/login").permitAll()
                .requestMatchers("/api/newsletter/**", "/staff/**").hasRole("STAFF")
                .anyRequest().permitAll())
            .formLogin((form) -> form.loginPage("/staff/login").defaultSuccessUrl("/staff/newsletter"))
            .logout((logout) -> logout.logoutUrl("/staff/logout").logoutSuccessUrl("/staff/login?logout"))
            .httpBasic(Customizer.withDefaults())
            // scripts get a 401 asking for Basic credentials, people a redirect to the sign-in form
            .exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(basic,
                    PathPatternRequestMatcher.withDefaults().matcher("/api/**")))
            .csrf((csrf) -> csrf.ignoringRequestMatchers("/api/**", "/unsubscribe"));
        return http.build();
    }

}
