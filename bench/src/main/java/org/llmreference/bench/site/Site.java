package org.llmreference.bench.site;

import java.io.IOException;
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

import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The running bench stack over HTTP: page-service, catalog-service, pricing-service and
 * comparison-service, with the local editor and ops tokens. HTTP/1.1 with keep-alive, and no
 * {@code Accept-Encoding}: pages come back as identity HTML, as the benchmarks compare them.
 */
public final class Site {

    /** Exact decimals in, plain decimals out ({@code 0.0000100005}, never {@code 1.00005E-5}). */
    public static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final int LARGEST_PAGE_OF_PAIRS = 1000;

    /** Where each service listens. */
    public record Urls(URI page, URI catalog, URI pricing, URI comparison) {

        public static Urls onLocalhost(int page, int catalog, int pricing, int comparison) {
            return new Urls(local(page), local(catalog), local(pricing), local(comparison));
        }

        private static URI local(int port) {
            return URI.create("http://127.0.0.1:" + port);
        }
    }

    private final Urls urls;
    private final String editorToken;
    private final String opsToken;
    private final HttpClient http;

    public Site(Urls urls, String editorToken, String opsToken) {
        this.urls = urls;
        this.editorToken = editorToken;
        this.opsToken = opsToken;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public Urls urls() {
        return urls;
    }

    public String editorToken() {
        return editorToken;
    }

    // ---- comparison-service

    /** Every live pair, sorted by id (paged through {@code GET /api/pairs}). */
    public List<LivePair> livePairs() {
        return pairs("");
    }

    /** The live pairs of one model: the pages a change of that model must reach. */
    public List<LivePair> pairsOf(String modelId) {
        return pairs("model=" + encode(modelId) + "&");
    }

    /** How many live pairs there are, from one small request. */
    public long livePairCount() {
        return json(urls.comparison(), "/api/pairs?page=0&size=1").path("total").asLong();
    }

    /** {@code GET /api/comparisons/{pair}}: the comparison as last published (200), or why not. */
    public HttpResponse<String> comparison(String pairId) {
        return send(request(urls.comparison(), "/api/comparisons/" + pairId).GET().build());
    }

    /** {@code HEAD /api/comparisons/{pair}}: its status and {@code ETag: "<revision>"}, without the body. */
    public HttpResponse<String> comparisonHead(String pairId) {
        return send(request(urls.comparison(), "/api/comparisons/" + pairId).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    }

    // ---- pricing-service

    /** {@code GET /api/models/{id}/routes}: the price list, whose {@code revision} the ETag also carries. */
    public JsonNode priceList(String modelId) {
        return json(urls.pricing(), "/api/models/" + modelId + "/routes");
    }

    /** {@code PUT /api/models/{model}/routes/{provider}} as the editor, conditional on {@code revision}. */
    public HttpResponse<String> putRoute(String modelId, String providerId, String routeJson, long revision) {
        return send(request(urls.pricing(), "/api/models/" + modelId + "/routes/" + providerId)
                .header("Authorization", "Bearer " + editorToken)
                .header("Content-Type", "application/json")
                .header("If-Match", "\"" + revision + "\"")
                .PUT(HttpRequest.BodyPublishers.ofString(routeJson))
                .build());
    }

    // ---- page-service

    /** {@code GET /compare/{pair}}, with {@code If-None-Match} when an ETag is given (then 304 while unchanged). */
    public HttpResponse<String> page(String pairId, String ifNoneMatch) {
        return page(pairId, ifNoneMatch, REQUEST_TIMEOUT);
    }

    /** The same, waiting at most {@code timeout} for the answer ({@link NoAnswer} otherwise). */
    public HttpResponse<String> page(String pairId, String ifNoneMatch, Duration timeout) {
        HttpRequest.Builder request = request(urls.page(), "/compare/" + pairId).timeout(timeout).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return send(request.build());
    }

    /** {@code HEAD /compare/{pair}}: status and ETag ({@code "<revision>-<hash>"}) without the body. */
    public HttpResponse<String> pageHead(String pairId) {
        return send(request(urls.page(), "/compare/" + pairId).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    }

    public String sitemap() {
        return text(urls.page(), "/sitemap.xml");
    }

    /** page-service's consistency audit; it answers 503 with the part it could check when Kafka or MongoDB does not answer. */
    public JsonNode consistency() {
        HttpResponse<String> response = send(request(urls.page(), "/actuator/consistency")
                .header("Authorization", "Bearer " + opsToken).GET().build());
        if (response.statusCode() != 200 && response.statusCode() != 503) {
            throw unexpected(response);
        }
        return JSON.readTree(response.body());
    }

    /** A service's {@code /actuator/prometheus} text. */
    public String prometheus(URI service) {
        return text(service, "/actuator/prometheus");
    }

    // ---- plumbing

    /** Sends and waits; no answer in time is a {@link NoAnswer}, any other I/O failure stops the benchmarks. */
    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new NoAnswer(request.method() + " " + request.uri() + " got no answer within "
                    + request.timeout().map(Duration::toSeconds).orElse(0L) + " s", e);
        } catch (IOException e) {
            throw new BenchmarkFailure(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkFailure("interrupted during " + request.method() + " " + request.uri(), e);
        }
    }

    public HttpRequest.Builder request(URI service, String path) {
        return HttpRequest.newBuilder(service.resolve(path)).timeout(REQUEST_TIMEOUT);
    }

    public JsonNode json(URI service, String path) {
        return JSON.readTree(text(service, path));
    }

    private String text(URI service, String path) {
        HttpResponse<String> response = send(request(service, path).GET().build());
        if (response.statusCode() != 200) {
            throw unexpected(response);
        }
        return response.body();
    }

    private List<LivePair> pairs(String filter) {
        List<LivePair> pairs = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer = json(urls.comparison(), "/api/pairs?" + filter + "page=" + page + "&size=" + LARGEST_PAGE_OF_PAIRS);
            JsonNode items = answer.path("items");
            for (JsonNode item : items) {
                pairs.add(new LivePair(item.path("pairId").asString(), item.path("modelA").asString(), item.path("modelB").asString()));
            }
            if (items.isEmpty() || pairs.size() >= answer.path("total").asLong()) {
                return pairs;
            }
        }
    }

    /** A failure quoting the request and the start of the answer. */
    public static BenchmarkFailure unexpected(HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body();
        return new BenchmarkFailure(response.request().method() + " " + response.request().uri() + " answered "
                + response.statusCode() + ": " + body.substring(0, Math.min(body.length(), 500)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
