package org.llmreference.pricing.importing.web;

import java.time.Duration;
import java.util.List;

import org.llmreference.importing.bundle.CatalogBundle;
import org.llmreference.importing.bundle.ImportReport;
import org.llmreference.platform.web.Violations;
import org.llmreference.importing.bundle.HistoryBundle;
import org.llmreference.pricing.importing.BundleImport;
import org.llmreference.pricing.importing.HistoryImport;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Import", description = "Bulk import of providers and routes from a catalog bundle.")
class ImportController {

    static final int MAX_WAIT_SECONDS = 300;

    private final BundleImport bundleImport;
    private final HistoryImport historyImport;

    ImportController(BundleImport bundleImport, HistoryImport historyImport) {
        this.bundleImport = bundleImport;
        this.historyImport = historyImport;
    }

    @PostMapping(path = "/api/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import the providers and routes of a catalog bundle (its models are ignored); answers "
            + "a report for providers and one for routes. Routes of models the catalog has not published wait up "
            + "to waitForModelsSeconds (0..300), then are rejected (unknown-model).")
    List<ImportReport> importBundle(@RequestBody CatalogBundle bundle,
            @RequestParam(name = "waitForModelsSeconds", defaultValue = "0") long waitForModelsSeconds) {
        Violations v = new Violations();
        v.range("waitForModelsSeconds", waitForModelsSeconds, 0, MAX_WAIT_SECONDS);
        v.throwIfAny();
        return bundleImport.run(bundle, Duration.ofSeconds(waitForModelsSeconds));
    }

    @PostMapping(path = "/api/import/history", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import the dated past of routes (a history bundle: steps, each an upstream commit that "
            + "changed or withdrew a route). Adds history entries only: the routes in force stay as they are. A step "
            + "already recorded (same route and commit) is counted unchanged; each price list whose history grew is "
            + "published once. Steps of models without routes are rejected (no-price-list).")
    ImportReport importHistory(@RequestBody HistoryBundle bundle) {
        return historyImport.run(bundle);
    }
}
