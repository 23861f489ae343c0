package org.llmreference.importing.command;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.llmreference.importing.bundle.Bundles;
import org.llmreference.importing.bundle.CatalogBundle;
import org.llmreference.importing.bundle.HistoryBundle;
import org.llmreference.importing.bundle.ImportReport;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two import endpoints over HTTP: {@code POST {catalog}/api/import} for models and
 * {@code POST {pricing}/api/import?waitForModelsSeconds=N} for providers and routes, with the editor's
 * token. A refusal or an unreachable service becomes an {@link UploadFailed} that says which.
 */
final class ImportClient {

    private static final JsonMapper LENIENT = Bundles.mapper().rebuild()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final ImportOptions options;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    ImportClient(ImportOptions options) {
        this.options = options;
    }

    /**
     * Announces to catalog-service a run that will send {@code expected} models ({@code POST /api/imports}),
     * so the front page can tell how far the load got.
     *
     * @return the run's id, to name on every {@link #sendToCatalog(CatalogBundle, String)}
     */
    String startRun(String source, int expected) throws UploadFailed {
        URI uri = URI.create(options.catalog() + "/api/imports");
        var body = LENIENT.createObjectNode().put("expected", expected);
        if (source != null) {
            body.put("source", source.length() > 200 ? source.substring(0, 200) : source);
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + options.token())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(LENIENT.writeValueAsString(body)))
                .build();
        HttpResponse<String> response = send(request, uri, "catalog-service");
        if (response.statusCode() != 201) {
            throw new UploadFailed("POST " + uri + " answered " + response.statusCode() + System.lineSeparator()
                    + response.body());
        }
        try {
            JsonNode importId = LENIENT.readTree(response.body()).path("importId");
            if (!importId.isString() || importId.asString().isBlank()) {
                throw new UploadFailed(uri + " answered 201 without an importId: " + response.body());
            }
            return importId.asString();
        } catch (JacksonException e) {
            throw new UploadFailed(uri + " answered 201 but the body is not JSON: " + e.getOriginalMessage());
        }
    }

    /** Sends models of the run {@code importId} to catalog-service. */
    List<ImportReport> sendToCatalog(CatalogBundle part, String importId) throws UploadFailed {
        String query = "?importId=" + java.net.URLEncoder.encode(importId, java.nio.charset.StandardCharsets.UTF_8);
        return post(URI.create(options.catalog() + "/api/import" + query), part, "catalog-service");
    }

    /** Sends providers and routes to pricing-service, which waits up to {@code waitForModels} for their models. */
    List<ImportReport> sendToPricing(CatalogBundle part, Duration waitForModels) throws UploadFailed {
        return post(URI.create(options.pricing() + "/api/import?waitForModelsSeconds=" + waitForModels.toSeconds()), part,
                "pricing-service");
    }

    /**
     * Curates a pair on comparison-service. Its models reach comparison-service through Kafka after the
     * catalog took them, so a 422 (a model it does not know yet) is asked again until {@code patience}
     * runs out. A busy comparison-service (recomputing the pages of a large import) may take minutes to
     * answer, so one request may take two minutes more than that.
     */
    void curate(String pair, Duration patience) throws UploadFailed {
        URI uri = URI.create(options.comparison() + "/api/pairs/" + pair);
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(120).plus(patience))
                    .header("Authorization", "Bearer " + options.token())
                    .header("Accept", "application/json")
                    .PUT(HttpRequest.BodyPublishers.noBody())
                    .build();
            HttpResponse<String> response = send(request, uri, "comparison-service");
            int status = response.statusCode();
            if (status / 100 == 2) {
                return;
            }
            if (status != 422 || System.nanoTime() > deadline) {
                throw new UploadFailed("PUT " + uri + " answered " + status + System.lineSeparator() + response.body());
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UploadFailed("interrupted while curating " + pair);
            }
        }
    }

    /** Sends the dated steps of some models' routes to pricing-service. */
    ImportReport sendHistory(HistoryBundle part) throws UploadFailed {
        URI uri = URI.create(options.pricing() + "/api/import/history");
        List<ImportReport> reports = post(uri, Bundles.mapper().writeValueAsBytes(part), "pricing-service");
        if (reports.size() != 1) {
            throw new UploadFailed(uri + " answered " + reports.size() + " reports instead of one");
        }
        return reports.get(0);
    }

    private List<ImportReport> post(URI uri, CatalogBundle part, String service) throws UploadFailed {
        return post(uri, Bundles.toBytes(part), service);
    }

    private List<ImportReport> post(URI uri, byte[] body, String service) throws UploadFailed {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(120).plus(options.waitForModels()))
                .header("Authorization", "Bearer " + options.token())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> response = send(request, uri, service);
        if (response.statusCode() / 100 != 2) {
            throw new UploadFailed("POST " + uri + " answered " + response.statusCode() + System.lineSeparator()
                    + response.body());
        }
        return reports(response.body(), uri);
    }

    private HttpResponse<String> send(HttpRequest request, URI uri, String service) throws UploadFailed {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new UploadFailed("cannot connect to " + service + " at " + uri + " (connection refused): is it running?");
        } catch (HttpTimeoutException e) {
            throw new UploadFailed(service + " at " + uri + " did not answer in time");
        } catch (IOException e) {
            throw new UploadFailed("cannot reach " + service + " at " + uri + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UploadFailed("interrupted while sending to " + uri);
        }
    }

    /** The body is one {@link ImportReport} or a list of them. */
    static List<ImportReport> reports(String body, URI uri) throws UploadFailed {
        try {
            JsonNode node = LENIENT.readTree(body);
            List<ImportReport> reports = new ArrayList<>();
            if (node != null && node.isArray()) {
                for (JsonNode item : node) {
                    reports.add(LENIENT.treeToValue(item, ImportReport.class));
                }
            } else if (node != null && node.isObject()) {
                reports.add(LENIENT.treeToValue(node, ImportReport.class));
            } else {
                throw new UploadFailed(uri + " answered 2xx without an import report: " + body);
            }
            return reports;
        } catch (JacksonException e) {
            throw new UploadFailed(uri + " answered 2xx but the body is not an import report: " + e.getOriginalMessage());
        }
    }
}
