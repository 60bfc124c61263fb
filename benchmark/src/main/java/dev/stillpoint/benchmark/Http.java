package dev.stillpoint.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The few staff calls the benchmark makes, with the staff login. */
final class Http {

    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static final String STAFF = "Basic " + Base64.getEncoder()
        .encodeToString(("staff:" + Services.STAFF_PASSWORD).getBytes(StandardCharsets.UTF_8));

    private Http() {
    }

    static HttpResponse<String> postAsStaff(String url, String json) {
        return asStaff(HttpRequest.newBuilder(URI.create(url)).header("Authorization", STAFF)
            .header("Content-Type", "application/json")
            .POST((json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody())
            .build(), url);
    }

    static HttpResponse<String> getAsStaff(String url) {
        return asStaff(HttpRequest.newBuilder(URI.create(url)).header("Authorization", STAFF).GET().build(), url);
    }

    private static HttpResponse<String> asStaff(HttpRequest request, String url) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(request.method() + " " + url + " answered " + response.statusCode() + ": " + response.body());
            }
            return response;
        }
        catch (IOException ex) {
            throw new IllegalStateException(request.method() + " " + url, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

}
