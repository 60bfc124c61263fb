package dev.stillpoint.newsletter.system;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.util.StringUtils;

/**
 * Subscribing, confirming and unsubscribing are public (the links carry signed tokens); writing and publishing
 * issues needs the STAFF role: people sign in with a form at {@code /staff/login}, scripts use HTTP Basic. One-click unsubscribe is a POST from mail providers, so it takes no CSRF token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger logger = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** Profiles of a real deployment: the staff password must be configured, never generated. */
    static final String[] PRODUCTION_PROFILES = { "prod", "docker" };

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

    @Bean
    UserDetailsService staffLogin(StaffProperties staff, Environment environment) {
        String password = staff.password();
        if (!StringUtils.hasText(password) && environment.matchesProfiles(PRODUCTION_PROFILES)) {
            throw new IllegalStateException("Set stillpoint.staff.password (STILLPOINT_STAFF_PASSWORD): in the "
                    + String.join(" and ", PRODUCTION_PROFILES) + " profiles there is no generated password");
        }
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
