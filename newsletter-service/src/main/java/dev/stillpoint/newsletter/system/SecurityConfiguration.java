package dev.stillpoint.newsletter.system;

import dev.stillpoint.support.SignIn;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Subscribing, confirming and unsubscribing are public (the links carry signed tokens); writing and publishing
 * issues needs the STAFF role: people sign in with a form at {@code /staff/login}, scripts use HTTP Basic.
 * One-click unsubscribe is a POST from mail providers, so it takes no CSRF token; nor does confirming, whose signed
 * token already proves that the request comes from the email it was sent to. The logins come from
 * service-support ({@code stillpoint.staff.*}), which refuses a missing password in the prod and docker profiles.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain newsletterSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests((requests) -> requests
                .requestMatchers("/staff/login").permitAll()
                .requestMatchers("/api/newsletter/**", "/staff/**").hasRole("STAFF")
                .anyRequest().permitAll())
            .csrf((csrf) -> csrf.ignoringRequestMatchers(SignIn.scriptRequests("/api/**"))
                .ignoringRequestMatchers("/unsubscribe", "/subscribe/confirm"));
        return SignIn.formForPeopleBasicForScripts(http, "/staff", "/staff/newsletter", "/api/**").build();
    }

}
