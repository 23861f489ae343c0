package org.llmreference.importing.command;

import java.io.IOException;
import java.io.PrintStream;
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
import org.llmreference.importing.bundle.ImportReport;
import org.llmreference.importing.bundle.ImportReport.ImportRejection;
import org.llmreference.importing.bundle.ProviderEntry;
import org.llmreference.importing.bundle.RouteEntry;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a bundle in chunks: models to {@code POST {catalog}/api/import}, then providers (first chunk)
 * and routes to {@code POST {pricing}/api/import?waitForModelsSeconds=N}, and prints what each
 * chunk did.
 */
final class Uploader {

    private static final int REJECTIONS_SHOWN = 20;
    private static final JsonMapper LENIENT = Bundles.mapper().rebuild()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Counts over all chunks. */
    record Totals(int received, int created, int changed, int unchanged, int rejected) {

        Totals plus(ImportReport report) {
            return new Totals(received + report.received(), created + report.created(), changed + report.changed(),
                    unchanged + report.unchanged(), rejected + report.rejected().size());
        }

        @Override
        public String toString() {
            return received + " received, " + created + " created, " + changed + " changed, " + unchanged
                    + " unchanged, " + rejected + " rejected";
        }
    }

    /** A service answered with an error, or could not be reached. */
    static final class UploadFailed extends Exception {
        UploadFailed(String message) {
            super(message);
        }
    }

    private final ImportOptions options;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<ImportRejection> rejections = new ArrayList<>();
    private int rejectedCount;

    Uploader(ImportOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    Totals upload(CatalogBundle bundle) throws UploadFailed {
        Totals totals = new Totals(0, 0, 0, 0, 0);
        int chunk = options.chunk();
        URI catalog = URI.create(options.catalog() + "/api/import");
        List<?> models = bundle.models();
        for (int from = 0; from < models.size(); from += chunk) {
            int to = Math.min(models.size(), from + chunk);
            CatalogBundle part = new CatalogBundle(bundle.source(), List.of(), bundle.models().subList(from, to), List.of());
            for (ImportReport report : post(catalog, part, "catalog-service")) {
                totals = totals.plus(record(report, "models " + to + "/" + models.size()));
            }
        }
        URI pricing = URI.create(options.pricing() + "/api/import?waitForModelsSeconds=" + options.waitForModels().toSeconds());
        List<RouteEntry> routes = bundle.routes();
        List<ProviderEntry> providers = bundle.providers();
        int from = 0;
        do {
            int to = Math.min(routes.size(), from + chunk);
            CatalogBundle part = new CatalogBundle(bundle.source(), from == 0 ? providers : List.of(), List.of(),
                    routes.subList(from, to));
            for (ImportReport report : post(pricing, part, "pricing-service")) {
                String progress = "providers".equals(report.target()) ? "providers " + providers.size() + "/" + providers.size()
                        : "routes " + to + "/" + routes.size();
                totals = totals.plus(record(report, progress));
            }
            from = to;
        } while (from < routes.size());
        if (rejectedCount > 0) {
            out.println(rejectedCount + " rejected" + (rejectedCount > REJECTIONS_SHOWN ? " (first " + REJECTIONS_SHOWN + " shown)" : "") + ":");
            rejections.forEach(r -> out.printf("  %s  %s  %s: %s%n", r.id(), r.field(), r.rule(), r.message()));
        }
        return totals;
    }

    private ImportReport record(ImportReport report, String progress) {
        out.printf("%s: created %d, changed %d, unchanged %d, rejected %d%n", progress, report.created(),
                report.changed(), report.unchanged(), report.rejected().size());
        rejectedCount += report.rejected().size();
        for (ImportRejection rejection : report.rejected()) {
            if (rejections.size() < REJECTIONS_SHOWN) {
                rejections.add(rejection);
            }
        }
        return report;
    }

    private List<ImportReport> post(URI uri, CatalogBundle part, String service) throws UploadFailed {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(120).plus(options.waitForModels()))
                .header("Authorization", "Bearer " + options.token())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Bundles.toBytes(part)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
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
        if (response.statusCode() / 100 != 2) {
            throw new UploadFailed("POST " + uri + " answered " + response.statusCode() + System.lineSeparator()
                    + response.body());
        }
        return reports(response.body(), uri);
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
