package dev.stillpoint.newsletter.system;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.stillpoint.newsletter.NewsletterTestBase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a hostile page can make a signed-in staff member's browser do: send the session cookie with a cross-site POST
 * to the API. Issue ids are public (the archive), so this would cancel a newsletter. The API takes the cookie only
 * with the CSRF token; scripts use HTTP Basic. The cookie itself is HttpOnly, SameSite=Lax, and Secure behind TLS.
 */
class SignedInBrowserIntegrationTests extends NewsletterTestBase {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private static final Pattern SESSION = Pattern.compile("SESSION=([^;]+)");

    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aSignedInBrowsersCookieAloneCannotChangeAnythingThroughTheApi() throws Exception {
        String issue = writeIssue("Not to be cancelled " + run(), "News.");
        String session = signIn();

        HttpResponse<String> forged = send(HttpRequest.newBuilder(uri("/api/newsletter/issues/" + issue + "/cancel"))
            .header("Cookie", "SESSION=" + session).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(issue(issue).get("status").asString()).isEqualTo("DRAFT");

        // the staff page's own script reads the API with the cookie; reading changes nothing and needs no token
        assertThat(send(HttpRequest.newBuilder(uri("/api/newsletter/issues/" + issue))
            .header("Cookie", "SESSION=" + session).GET()).statusCode()).isEqualTo(200);
        // a script, with its own credentials
        this.http.post().uri("/api/newsletter/issues/{id}/cancel", issue).headers(this::staff).exchange()
            .expectStatus().isOk();
        assertThat(issue(issue).get("status").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLaxAndSecureBehindTls() throws Exception {
        String plain = send(HttpRequest.newBuilder(uri("/staff/login")).GET()).headers().firstValue("Set-Cookie")
            .orElseThrow();
        assertThat(plain).startsWith("SESSION=").contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
        // behind a TLS-terminating proxy on an internal address (here: loopback), which says so
        String proxied = send(HttpRequest.newBuilder(uri("/staff/login")).header("X-Forwarded-Proto", "https").GET())
            .headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(proxied).contains("HttpOnly", "SameSite=Lax", "Secure");
    }

    /** Signs in with the form, as a person does; returns the session cookie's value. */
    private String signIn() throws Exception {
        HttpResponse<String> form = send(HttpRequest.newBuilder(uri("/staff/login")).GET());
        String cookie = match(SESSION, form.headers().firstValue("Set-Cookie").orElseThrow());
        String body = "username=staff&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(match(CSRF, form.body()), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(uri("/staff/login"))
            .header("Cookie", "SESSION=" + cookie).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(
                (location) -> assertThat(location).endsWith("/staff/newsletter"));
        return match(SESSION, signedIn.headers().firstValue("Set-Cookie").orElseThrow());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return this.browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + this.port + path);
    }

    private static String match(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as(pattern + " in " + text).isTrue();
        return matcher.group(1);
    }

}
