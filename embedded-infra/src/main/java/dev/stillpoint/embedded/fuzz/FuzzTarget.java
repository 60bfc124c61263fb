package dev.stillpoint.embedded.fuzz;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * A running service under fuzzing: sends each generated request, checks the answer (never 5xx; a 4xx on
 * {@code /api/**} is {@code application/problem+json}) and counts requests and 5xx per endpoint, for the figures.
 */
public final class FuzzTarget {

    private final String service;

    private final String baseUrl;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10)).build();

    private final Map<String, AtomicIntegerArray> tally = new TreeMap<>();

    /**
     * Tomcat's limit on a request's line and headers ({@code server.max-http-request-header-size}, 8 KB). Beyond it
     * Tomcat answers 400 and closes the connection at once; a client still writing the request may then see only
     * the reset, not the answer (seen in a test run, with a 10,000-character path segment).
     */
    static final int REQUEST_LINE_LIMIT = 8 * 1024;

    public FuzzTarget(String service, int port) {
        this.service = service;
        this.baseUrl = "http://localhost:" + port;
    }

    /** URL-encodes a generated value for a path segment or query parameter. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Sends {@code method path} (path and query already encoded) with the headers and body, checks the answer and
     * counts it under {@code endpoint}; returns it for further checks, or {@code null} for a request line over
     * Tomcat's limit that was refused at the connection (see {@link #REQUEST_LINE_LIMIT}).
     */
    public HttpResponse<String> send(String endpoint, String method, String path, Map<String, String> headers,
            String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
                    : HttpRequest.BodyPublishers.noBody());
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            if (path.length() > REQUEST_LINE_LIMIT) {
                this.tally.computeIfAbsent(endpoint, (key) -> new AtomicIntegerArray(2)).incrementAndGet(0);
                return null;
            }
            throw new IllegalStateException(method + " " + path + " got no answer", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        AtomicIntegerArray counts = this.tally.computeIfAbsent(endpoint, (key) -> new AtomicIntegerArray(2));
        counts.incrementAndGet(0);
        int status = response.statusCode();
        if (status >= 500) {
            counts.incrementAndGet(1);
            throw new AssertionError(endpoint + ": " + method + " " + abbreviate(path) + " with " + abbreviate(body)
                    + " answered " + status + ": " + abbreviate(response.body()));
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (status >= 400 && path.startsWith("/api/") && !type.startsWith("application/problem+json")) {
            throw new AssertionError(endpoint + ": " + method + " " + abbreviate(path) + " answered " + status + " as '"
                    + type + "', not a problem detail: " + abbreviate(response.body()));
        }
        return response;
    }

    /** One line per endpoint: requests tried and 5xx seen; printed when the service's fuzzing is done. */
    public String figures() {
        StringBuilder lines = new StringBuilder();
        this.tally.forEach((endpoint, counts) -> lines.append(String.format("Fuzzing %s %-45s %6d requests, %d 5xx%n",
                this.service, endpoint, counts.get(0), counts.get(1))));
        return lines.toString();
    }

    private static String abbreviate(String text) {
        return (text == null) ? "no body" : (text.length() > 300) ? text.substring(0, 300) + "…" : text;
    }

}
