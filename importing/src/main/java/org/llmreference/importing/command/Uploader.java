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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.llmreference.contracts.catalog.ModelSnapshot;
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
 * Sends a bundle in chunks: models to {@code POST {catalog}/api/import}, and providers and routes to
 * {@code POST {pricing}/api/import?waitForModelsSeconds=N}, printing what each chunk did. The two
 * services work side by side: once catalog-service has taken a chunk of models, the routes of those
 * models go to pricing-service (which waits for the models to reach it through Kafka) while the
 * next chunk of models goes to the catalog. A model's routes always travel in one request, so an
 * import moves its price list by one revision; routes of models the catalog rejected go last and
 * wait for nothing (only models the catalog knew before can take them).
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
    private Totals totals = new Totals(0, 0, 0, 0, 0);
    private int routesSent;

    Uploader(ImportOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    Totals upload(CatalogBundle bundle) throws UploadFailed {
        int chunk = options.chunk();
        URI catalog = URI.create(options.catalog() + "/api/import");
        Map<String, List<RouteEntry>> routesByModel = new LinkedHashMap<>();
        bundle.routes().forEach(route -> routesByModel.computeIfAbsent(route.modelId(), m -> new ArrayList<>()).add(route));
        List<RouteEntry> rejectedModelsRoutes = new ArrayList<>();
        PricingLane pricing = new PricingLane(bundle);
        try {
            List<ModelSnapshot> models = bundle.models();
            for (int from = 0; from < models.size(); from += chunk) {
                int to = Math.min(models.size(), from + chunk);
                List<ModelSnapshot> part = models.subList(from, to);
                Set<String> rejected = new HashSet<>();
                for (ImportReport report : post(catalog, new CatalogBundle(bundle.source(), List.of(), part, List.of()),
                        "catalog-service")) {
                    record(report, "models " + to + "/" + models.size());
                    // A model rejected as a repeat was imported from its first listing.
                    report.rejected().stream().filter(rejection -> !"duplicate".equals(rejection.rule()))
                            .forEach(rejection -> rejected.add(rejection.id()));
                }
                List<RouteEntry> taken = new ArrayList<>();
                for (ModelSnapshot model : part) {
                    List<RouteEntry> routes = routesByModel.remove(model.id());
                    if (routes != null) {
                        (rejected.contains(model.id()) ? rejectedModelsRoutes : taken).addAll(routes);
                    }
                }
                pricing.send(taken, options.waitForModels());
            }
            List<RouteEntry> others = new ArrayList<>();
            routesByModel.values().forEach(others::addAll);
            pricing.send(others, options.waitForModels());
            pricing.send(rejectedModelsRoutes, Duration.ZERO);
            pricing.finish();
        } finally {
            pricing.stop();
        }
        synchronized (this) {
            if (rejectedCount > 0) {
                out.println(rejectedCount + " rejected" + (rejectedCount > REJECTIONS_SHOWN ? " (first " + REJECTIONS_SHOWN + " shown)" : "") + ":");
                rejections.forEach(r -> out.printf("  %s  %s  %s: %s%n", r.id(), r.field(), r.rule(), r.message()));
            }
            return totals;
        }
    }

    /**
     * The requests to pricing-service, one after the other on a thread of their own: the providers
     * with the first routes, then routes packed whole model by whole model, at most {@code chunk}
     * per request unless one model has more.
     */
    private final class PricingLane {

        private final CatalogBundle bundle;
        private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread worker = new Thread(runnable, "pricing-upload");
            worker.setDaemon(true);
            return worker;
        });
        private final List<Future<?>> sent = new ArrayList<>();
        private boolean providersSent;

        PricingLane(CatalogBundle bundle) {
            this.bundle = bundle;
        }

        void send(List<RouteEntry> routes, Duration waitForModels) throws UploadFailed {
            failFast();
            List<RouteEntry> request = new ArrayList<>();
            for (int i = 0; i < routes.size(); i++) {
                request.add(routes.get(i));
                boolean modelEnds = i + 1 == routes.size() || !routes.get(i + 1).modelId().equals(routes.get(i).modelId());
                boolean full = i + 1 < routes.size() && request.size() + modelSize(routes, i + 1) > options.chunk();
                if (i + 1 == routes.size() || (modelEnds && full)) {
                    submit(List.copyOf(request), waitForModels);
                    request.clear();
                }
            }
            if (!providersSent && !bundle.providers().isEmpty() && routes.isEmpty()) {
                submit(List.of(), waitForModels);
            }
        }

        /** How many routes the model starting at {@code start} has (routes of one model are adjacent). */
        private static int modelSize(List<RouteEntry> routes, int start) {
            int end = start;
            while (end < routes.size() && routes.get(end).modelId().equals(routes.get(start).modelId())) {
                end++;
            }
            return end - start;
        }

        private void submit(List<RouteEntry> routes, Duration waitForModels) {
            List<ProviderEntry> providers = providersSent ? List.of() : bundle.providers();
            providersSent = true;
            CatalogBundle part = new CatalogBundle(bundle.source(), providers, List.of(), routes);
            URI uri = URI.create(options.pricing() + "/api/import?waitForModelsSeconds=" + waitForModels.toSeconds());
            sent.add(thread.submit(() -> {
                List<ImportReport> reports = post(uri, part, "pricing-service");
                for (ImportReport report : reports) {
                    if ("providers".equals(report.target()) && providers.isEmpty()) {
                        continue;
                    }
                    synchronized (Uploader.this) {
                        if ("routes".equals(report.target())) {
                            routesSent += part.routes().size();
                        }
                        record(report, "providers".equals(report.target())
                                ? "providers " + bundle.providers().size() + "/" + bundle.providers().size()
                                : "routes " + routesSent + "/" + bundle.routes().size());
                    }
                }
                return null;
            }));
        }

        /** Stops at the first failed request rather than sending more. */
        private void failFast() throws UploadFailed {
            for (Future<?> future : sent) {
                if (future.isDone()) {
                    await(future);
                }
            }
        }

        /** Waits for every request; throws the first failure. */
        void finish() throws UploadFailed {
            for (Future<?> future : sent) {
                await(future);
            }
        }

        private void await(Future<?> future) throws UploadFailed {
            try {
                future.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UploadFailed failed) {
                    throw failed;
                }
                throw new UploadFailed("sending to pricing-service failed: " + e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UploadFailed("interrupted while sending to pricing-service");
            }
        }

        void stop() {
            thread.shutdownNow();
        }
    }

    private synchronized ImportReport record(ImportReport report, String progress) {
        totals = totals.plus(report);
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
