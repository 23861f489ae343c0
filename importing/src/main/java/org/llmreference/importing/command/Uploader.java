package org.llmreference.importing.command;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.importing.bundle.CatalogBundle;
import org.llmreference.importing.bundle.ImportReport;
import org.llmreference.importing.bundle.RouteEntry;

/**
 * Sends a bundle in chunks: models to catalog-service and providers and routes to pricing-service
 * ({@link ImportClient}), printing what each chunk did ({@link ImportProgress}). The two services work
 * side by side: once catalog-service has taken a chunk of models, the routes of those models go to
 * pricing-service (which waits for the models to reach it through Kafka) on the {@link PricingLane}
 * while the next chunk of models goes to the catalog. A model's routes always travel in one request, so
 * an import moves its price list by one revision; routes of models the catalog rejected go last and
 * wait for nothing (only models the catalog knew before can take them). The bundle's curated pairs go
 * to comparison-service last. The bundle's aliases travel with their models (each model's
 * {@code aliases}), so catalog-service stores them with the model they name. The models travel as one
 * import run ({@code POST /api/imports} first), so the front page can tell how far the load got.
 */
final class Uploader {

    private final ImportOptions options;
    private final ImportClient client;
    private final ImportProgress progress;

    Uploader(ImportOptions options, PrintStream out) {
        this.options = options;
        this.client = new ImportClient(options);
        this.progress = new ImportProgress(out);
    }

    ImportProgress.Totals upload(CatalogBundle bundle) throws UploadFailed {
        int chunk = options.chunk();
        Map<String, List<RouteEntry>> routesByModel = new LinkedHashMap<>();
        bundle.routes().forEach(route -> routesByModel.computeIfAbsent(route.modelId(), m -> new ArrayList<>()).add(route));
        List<RouteEntry> rejectedModelsRoutes = new ArrayList<>();
        Map<String, List<String>> aliases = new LinkedHashMap<>();
        bundle.aliases().forEach(alias -> aliases.computeIfAbsent(alias.modelId(), m -> new ArrayList<>()).add(alias.id()));
        try (PricingLane pricing = new PricingLane(bundle, chunk, client, progress)) {
            List<ModelSnapshot> models = bundle.models().stream()
                    .map(model -> aliases.containsKey(model.id()) ? model.withAliases(aliases.get(model.id())) : model)
                    .toList();
            String importId = client.startRun(bundle.source(), models.size());
            for (int from = 0; from < models.size(); from += chunk) {
                int to = Math.min(models.size(), from + chunk);
                List<ModelSnapshot> part = models.subList(from, to);
                Set<String> rejected = new HashSet<>();
                for (ImportReport report : client.sendToCatalog(new CatalogBundle(bundle.source(), List.of(), part, List.of()),
                        importId)) {
                    progress.models(report, to, models.size());
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
        }
        for (String pair : bundle.pairs()) {
            client.curate(pair, options.waitForModels());
            progress.curated(pair);
        }
        return progress.finish();
    }
}
