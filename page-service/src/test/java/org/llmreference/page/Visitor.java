package org.llmreference.page;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A browser without a cache, for the site under test: {@code visitor.get("/compare/a-vs-b",
 * "Accept-Encoding", "gzip")} answers the raw bytes (gzip is not undone, redirects are not followed).
 */
final class Visitor {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final String base;

    Visitor(Object port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** GET {@code path} with header names and values in pairs. */
    HttpResponse<byte[]> get(String path, String... headers) {
        return send("GET", path, headers);
    }

    /** {@code method} (GET or HEAD) {@code path} with header names and values in pairs. */
    HttpResponse<byte[]> send(String method, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted during " + method + " " + path, e);
        }
    }

    /** The body of a GET as text (asking for no compression). */
    String text(String path) {
        return text(get(path));
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** The revision in a page's ETag ({@code "3-..."}), or 0 when it is not a 200 page. */
    long revisionOf(String path) {
        HttpResponse<byte[]> response = get(path);
        String etag = header(response, "ETag");
        if (response.statusCode() != 200 || etag == null) {
            return 0;
        }
        return Long.parseLong(etag.substring(1, etag.indexOf('-')));
    }
}
