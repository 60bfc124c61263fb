package dev.stillpoint.support;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * How people and scripts sign in to a service's protected pages: people with a form at {@code {area}/login} that
 * leads to {@code home}, and sign out at {@code {area}/logout}; scripts with HTTP Basic, and under
 * {@code scriptPaths} an unauthenticated request gets a 401 asking for Basic credentials instead of a redirect to
 * the form. Which roles may go where stays with each service.
 */
public final class SignIn {

    private SignIn() {
    }

    public static HttpSecurity formForPeopleBasicForScripts(HttpSecurity http, String area, String home,
            String... scriptPaths) throws Exception {
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("Stillpoint");
        return http.formLogin((form) -> form.loginPage(area + "/login").defaultSuccessUrl(home))
            .logout((logout) -> logout.logoutUrl(area + "/logout").logoutSuccessUrl(area + "/login?logout"))
            .httpBasic(Customizer.withDefaults())
            .exceptionHandling((exceptions) -> {
                for (String path : scriptPaths) {
                    exceptions.defaultAuthenticationEntryPointFor(basic,
                            PathPatternRequestMatcher.withDefaults().matcher(path));
                }
            });
    }

}
