package org.llmreference.catalog.models.web;

import java.util.List;

import org.llmreference.catalog.imports.ImportRuns;
import org.llmreference.catalog.models.ModelImport;
import org.llmreference.importing.bundle.CatalogBundle;
import org.llmreference.importing.bundle.ImportReport;
import org.llmreference.platform.web.ApiProblem;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** Bulk import of a {@link CatalogBundle}: catalog-service takes its models and ignores providers and routes. */
@RestController
@Tag(name = "import", description = "Bulk import of a catalog bundle")
class ImportController {

    private final ModelImport modelImport;
    private final ImportRuns runs;

    ImportController(ModelImport modelImport, ImportRuns runs) {
        this.modelImport = modelImport;
        this.runs = runs;
    }

    /** The bundle as read: its models stay JSON until each is read, so one bad model cannot spoil the rest. */
    record Bundle(String source, JsonNode providers, List<JsonNode> models, JsonNode routes) {
    }

    @PostMapping(path = "/api/import", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "importBundle", summary = "Import the models of a catalog bundle",
            description = "Each model is checked and applied like a PUT without If-Match: new ones are created, changed "
                    + "ones replaced, equal ones left alone (no event). Invalid models are rejected one by one; the rest apply. "
                    + "With `importId` (from `POST /api/imports`), the models count towards that run's progress.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = CatalogBundle.class))),
            responses = {
                    @ApiResponse(responseCode = "200", description = "what the import did"),
                    @ApiResponse(responseCode = "400", description = "the bundle is not readable",
                            content = @Content(mediaType = "application/problem+json")) })
    ImportReport importBundle(@RequestBody Bundle bundle, @RequestParam(required = false) String importId) {
        if (importId != null && runs.find(importId).isEmpty()) {
            throw ApiProblem.unprocessable("importId", "unknown-import",
                    "No import run '" + importId + "' exists; start one with POST /api/imports.");
        }
        List<JsonNode> models = bundle.models() == null ? List.of() : bundle.models();
        ImportReport report = modelImport.apply(models);
        if (importId != null) {
            runs.progressed(importId, models.size());
        }
        return report;
    }
}
