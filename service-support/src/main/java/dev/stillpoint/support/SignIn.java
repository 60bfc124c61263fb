package dev.stillpoint.support;

import org.springframework.http.HttpHeaders;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * How people and scripts sign in to a service's protected pages: people with a form at {@code {area}/login} that
 * leads to {@code home}, and sign out at {@code {area}/logout}; scripts with HTTP Basic, and under
 * {@code scriptPaths} an unauthenticated request gets a 401 asking for Basic credentials instead of a redirect to
 * the form. Which roles may go where stays with each service.
 */
public final class SignIn {

    private SignIn() {
    }

    /**
     * The requests under {@code path} (the JSON API) that need no CSRF token: those a script sends, with HTTP Basic
     * credentials or without a session cookie. A request that carries the session cookie of a sign-in and no
     * credentials of its own is what a hostile page can make a signed-in browser send, so it needs the CSRF token as
     * a form does; a page's own scripts only read the API, which needs none.
     */
    public static RequestMatcher scriptRequests(String path) {
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher(path);
        // the requested session id, not isRequestedSessionIdFromCookie(): Spring Session reads its own cookie, which
        // the servlet container's method knows nothing of
        return (request) -> api.matches(request) && (request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || request.getRequestedSessionId() == null);
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
