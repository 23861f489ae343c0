package org.llmreference.console.services;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.llmreference.console.ConsoleSettings;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Calls the services' public HTTP APIs on behalf of the signed-in editor, with the editor's own
 * bearer token. A 2xx comes back as an {@link Answer}; anything else is thrown as a {@link Refusal}
 * carrying the problem document's message and field problems, a failed connection as
 * {@link Unreachable}.
 */
@Component
public class ServiceApi {

    /** The header an editor's reason for a change travels in, percent-encoded UTF-8. */
    public static final String REASON_HEADER = "X-Llmref-Reason";
    static final int MAX_REASON_LENGTH = 500;

    private final ConsoleSettings settings;
    private final JsonMapper json;
    private final HttpClient http;

    public ServiceApi(ConsoleSettings settings, JsonMapper json) {
        this.settings = settings;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    public Answer get(Service service, String path, String token) {
        return call(service, "GET", path, token, null, null, null, null);
    }

    public Answer post(Service service, String path, String token, Object body) {
        return call(service, "POST", path, token, body, "application/json", null, null);
    }

    /**
     * A write: {@code body} (null for none) as {@code contentType}, {@code If-Match} and the editor's
     * reason when given.
     */
    public Answer send(Service service, String method, String path, String token, Object body, String contentType,
            String ifMatch, String reason) {
        return call(service, method, path, token, body, contentType, ifMatch, reason);
    }

    /**
     * A long write, such as one chunk of a bundle import: {@code body} as JSON, waiting up to
     * {@code timeout} for the answer instead of the usual bound.
     */
    public Answer sendWithin(Service service, String method, String path, String token, Object body,
            java.time.Duration timeout) {
        return call(service, method, path, token, body, body == null ? null : "application/json", null, null, timeout);
    }

    /** A path segment or query value, percent-encoded. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The reason as the header carries it: trimmed, percent-encoded UTF-8; null when blank. */
    static String reasonHeader(String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        return encode(reason.strip());
    }

    private Answer call(Service service, String method, String path, String token, Object body, String contentType,
            String ifMatch, String reason) {
        return call(service, method, path, token, body, contentType, ifMatch, reason, settings.timeout());
    }

    private Answer call(Service service, String method, String path, String token, Object body, String contentType,
            String ifMatch, String reason, java.time.Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base(service).resolve(path))
                .timeout(timeout)
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (ifMatch != null && !ifMatch.isBlank()) {
            request.header("If-Match", ifMatch);
        }
        String encodedReason = reasonHeader(reason);
        if (encodedReason != null) {
            request.header(REASON_HEADER, encodedReason);
        }
        if (body != null) {
            request.header("Content-Type", contentType);
            request.method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new Unreachable(service, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable(service, e);
        }
        JsonNode answer = parse(response.body());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Answer(status, answer, response.headers().firstValue("ETag").orElse(null));
        }
        throw refusal(service, status, answer, response.headers().firstValue("Retry-After").orElse(null));
    }

    private URI base(Service service) {
        URI base = switch (service) {
            case CATALOG -> settings.catalogUrl();
            case PRICING -> settings.pricingUrl();
            case COMPARISON -> settings.comparisonUrl();
            case PAGES -> settings.pageUrl();
        };
        String text = base.toString();
        return text.endsWith("/") ? base : URI.create(text + "/");
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            return MissingNode.getInstance();
        }
    }

    private static Refusal refusal(Service service, int status, JsonNode problem, String retryAfter) {
        String detail = problem.path("detail").asString("");
        if (detail.isBlank()) {
            detail = problem.path("title").asString("");
        }
        if (detail.isBlank()) {
            detail = service.displayName() + " answered " + status + ".";
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (JsonNode error : problem.path("errors")) {
            String field = error.path("field").asString("");
            if (!field.isBlank()) {
                fields.merge(field, error.path("message").asString(""), (a, b) -> a + "; " + b);
            }
        }
        long seconds = 0;
        if (retryAfter != null) {
            try {
                seconds = Long.parseLong(retryAfter.trim());
            } catch (NumberFormatException e) {
                seconds = 60;
            }
        }
        return new Refusal(service, status, detail, fields, seconds);
    }
}
