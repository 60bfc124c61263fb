package dev.stillpoint.booking.system;

import dev.stillpoint.booking.appointment.ClientAccess;
import dev.stillpoint.support.SignIn;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Clients book without an account: a booking's signed manage token (in every email's manage link, and the
 * {@code X-Manage-Token} header of the API) is their credential, never its id alone (see {@link ClientAccess}). The
 * practitioner's pages and API need the STAFF role: people sign in with a form at {@code /staff/login}, scripts use
 * HTTP Basic. The pages' forms carry CSRF tokens; the JSON API takes none from scripts (Basic, or no session cookie),
 * but does from a signed-in browser (see SignIn.scriptRequests). The logins themselves come from
 * service-support ({@code stillpoint.staff.*}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests((requests) -> requests
                .requestMatchers("/staff/login").permitAll()
                .requestMatchers("/api/staff/**", "/staff/**").hasRole("STAFF")
                .anyRequest().permitAll())
            .csrf((csrf) -> csrf.ignoringRequestMatchers(SignIn.scriptRequests("/api/**")));
        return SignIn.formForPeopleBasicForScripts(http, "/staff", "/staff", "/api/**").build();
    }

}
