package org.llmreference.importing.sync;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.importing.bundle.Bundles;
import org.llmreference.importing.bundle.RouteEntry;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * pricing-service's public API as the sync uses it: a model's price list (open to read), a route put,
 * a route withdrawal and a provider put with the editor token, the sync's writes carrying the upstream
 * provenance headers.
 */
final class PricingApi {

    static final String ORIGIN = "X-Llmref-Origin";
    static final String COMMIT = "X-Llmref-Upstream-Commit";
    static final String URL = "X-Llmref-Upstream-Url";
    static final String FETCHED_AT = "X-Llmref-Upstream-Fetched-At";
    static final String CONFLICT = "X-Llmref-Sync-Conflict";
    static final String CAUSED_BY = "X-Caused-By";

    private static final JsonMapper LENIENT = Bundles.mapper().rebuild()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    PricingApi(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** Thrown when pricing-service cannot be reached or answers what the sync cannot go on with. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }

    /** The routes in force of a model, or empty when pricing-service knows no such model. */
    Optional<List<RouteSnapshot>> routes(String modelId) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/models/" + path(modelId) + "/routes")).GET());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new Unavailable("GET the routes of " + modelId + " answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode routes = LENIENT.readTree(response.body()).get("routes");
        List<RouteSnapshot> list = new ArrayList<>();
        if (routes != null) {
            for (JsonNode route : routes) {
                list.add(LENIENT.treeToValue(route, RouteSnapshot.class));
            }
        }
        return Optional.of(list);
    }

    /**
     * What a route put answered.
     *
     * @param changed   whether it changed the route (pricing-service names the event it caused)
     * @param conflicts the terms pricing-service kept ours for
     */
    record PutAnswer(int status, String body, boolean changed, List<String> conflicts) {
    }

    PutAnswer putRoute(RouteEntry route, Upstream upstream) {
        ObjectNode body = LENIENT.valueToTree(route);
        body.remove("modelId");
        body.remove("providerId");
        // the upstream source stays in the body: pricing-service takes it with X-Llmref-Origin: sync only
        HttpRequest.Builder request = HttpRequest.newBuilder(
                uri("/api/models/" + path(route.modelId()) + "/routes/" + path(route.providerId())))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(LENIENT.writeValueAsString(body)));
        HttpResponse<String> response = send(authorized(provenance(request, upstream)));
        String conflict = response.headers().firstValue(CONFLICT).orElse("");
        return new PutAnswer(response.statusCode(), response.body(), response.headers().firstValue(CAUSED_BY).isPresent(),
                conflict.isBlank() ? List.of() : List.of(conflict.split(",")));
    }

    /**
     * Asks pricing-service to withdraw a route upstream no longer lists: 200 withdrawn, or 200 with
     * {@code conflicts} {@code [route]} when an editor changed it since (kept); 404 gone already; 409
     * not from upstream.
     */
    PutAnswer withdrawRoute(String modelId, String providerId, Upstream upstream) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                uri("/api/models/" + path(modelId) + "/routes/" + path(providerId))).DELETE();
        HttpResponse<String> response = send(authorized(provenance(request, upstream)));
        String conflict = response.headers().firstValue(CONFLICT).orElse("");
        return new PutAnswer(response.statusCode(), response.body(), response.headers().firstValue(CAUSED_BY).isPresent(),
                conflict.isBlank() ? List.of() : List.of(conflict.split(",")));
    }

    /** The sync's provenance headers: a checkout's commit, or an api.json's URL and fetch time. */
    private static HttpRequest.Builder provenance(HttpRequest.Builder request, Upstream upstream) {
        request.header(ORIGIN, "sync");
        if (upstream.commit() != null) {
            request.header(COMMIT, upstream.commit());
        }
        if (upstream.url() != null) {
            request.header(URL, upstream.url()).header(FETCHED_AT, upstream.fetchedAt().toString());
        }
        return request;
    }

    /** Creates or renames a provider; the status code. */
    int putProvider(String id, String name, String url) {
        ObjectNode body = LENIENT.createObjectNode().put("name", name);
        if (url != null) {
            body.put("url", url);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/providers/" + path(id)))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(LENIENT.writeValueAsString(body)));
        return send(authorized(request)).statusCode();
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + token);
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(60)).header("Accept", "application/json").build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                throw new Unavailable(built.method() + " " + built.uri() + " answered " + response.statusCode()
                        + ": the editor token is missing or wrong");
            }
            if (response.statusCode() >= 500) {
                throw new Unavailable(built.method() + " " + built.uri() + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response;
        } catch (ConnectException e) {
            throw new Unavailable("cannot connect to pricing-service at " + base + " (connection refused): is it running?");
        } catch (HttpTimeoutException e) {
            throw new Unavailable("pricing-service at " + base + " did not answer in time");
        } catch (IOException e) {
            throw new Unavailable("cannot reach pricing-service at " + base + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while talking to pricing-service");
        }
    }
}
