package dev.stillpoint.booking.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Clients book without an account (their booking id and signed manage link are their credentials). The
 * practitioner's pages and API need the STAFF role: people sign in with a form at {@code /staff/login}, scripts use
 * HTTP Basic. The pages' forms carry CSRF tokens; the JSON API takes none. The logins themselves come from
 * service-support ({@code stillpoint.staff.*}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("Stillpoint staff");
        http.authorizeHttpRequests((requests) -> requests
                .requestMatchers("/staff/login").permitAll()
                .requestMatchers("/api/staff/**", "/staff/**").hasRole("STAFF")
                .anyRequest().permitAll())
            .formLogin((form) -> form.loginPage("/staff/login").defaultSuccessUrl("/staff/schedule"))
            .logout((logout) -> logout.logoutUrl("/staff/logout").logoutSuccessUrl("/staff/login?logout"))
            .httpBasic(Customizer.withDefaults())
            // scripts get a 401 asking for Basic credentials, people a redirect to the sign-in form
            .exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(basic,
                    PathPatternRequestMatcher.withDefaults().matcher("/api/**")))
            .csrf((csrf) -> csrf.ignoringRequestMatchers("/api/**"));
        return http.build();
    }

}
