package org.llmreference.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * A small HTTP client for a service under test:
 * {@code api.put("/api/models/x", json).as(TestTokens.EDITOR).header("If-Match", "\"2\"").send()}.
 * Bodies are sent as {@code application/json} unless another content type is set.
 */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Deadlines.HTTP_CONNECT).build();

    private final String base;

    public Api(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public static Api onPort(Object port) {
        return new Api("http://127.0.0.1:" + port);
    }

    public Call get(String path) {
        return new Call("GET", path, null);
    }

    public Call put(String path, String body) {
        return new Call("PUT", path, body);
    }

    public Call post(String path, String body) {
        return new Call("POST", path, body);
    }

    public Call patch(String path, String body) {
        return new Call("PATCH", path, body).header("Content-Type", "application/merge-patch+json");
    }

    public Call delete(String path) {
        return new Call("DELETE", path, null);
    }

    /** One request being built. */
    public final class Call {

        private final String method;
        private final String path;
        private final String body;
        private final List<String[]> headers = new ArrayList<>();
        private String contentType = "application/json";

        private Call(String method, String path, String body) {
            this.method = method;
            this.path = path;
            this.body = body;
        }

        public Call as(String token) {
            return header("Authorization", "Bearer " + token);
        }

        public Call header(String name, String value) {
            if (name.equalsIgnoreCase("Content-Type")) {
                contentType = value;
            } else {
                headers.add(new String[] { name, value });
            }
            return this;
        }

        public HttpResponse<String> send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Deadlines.HTTP_REQUEST)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", contentType);
            }
            for (String[] header : headers) {
                request.header(header[0], header[1]);
            }
            try {
                return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new AssertionError(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted during " + method + " " + path, e);
            }
        }
    }
}
