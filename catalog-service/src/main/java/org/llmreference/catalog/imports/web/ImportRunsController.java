package org.llmreference.catalog.imports.web;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.llmreference.catalog.imports.ImportRun;
import org.llmreference.catalog.imports.ImportRuns;
import org.llmreference.platform.web.ApiProblem;
import org.llmreference.platform.web.FieldViolation;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Import runs: the importer announces how many models it will send ({@code POST /api/imports}), then
 * names the run on each chunk ({@code POST /api/import?importId=...}). Each step is published on
 * {@code catalog.imports.v1}, so the front page can say how far a bulk load got.
 */
@RestController
@Tag(name = "import", description = "Bulk import of a catalog bundle")
class ImportRunsController {

    static final long MAX_EXPECTED = 1_000_000;
    static final int MAX_SOURCE = 200;

    private final ImportRuns runs;

    ImportRunsController(ImportRuns runs) {
        this.runs = runs;
    }

    /** What the importer announces. */
    record NewRun(String source, Long expected) {
    }

    /** A run as the API shows it. */
    record RunResource(String importId, String source, long expected, long processed, Instant startedAt,
            Instant updatedAt, Instant finishedAt) {

        static RunResource of(ImportRun run) {
            return new RunResource(run.id(), run.source(), run.expected(), run.processed(), run.startedAt(),
                    run.updatedAt(), run.finishedAt());
        }
    }

    @PostMapping(path = "/api/imports", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "startImportRun", summary = "Start an import run that will send `expected` models",
            description = "Send the run's id as `importId` on every `POST /api/import` of the run; the run finishes "
                    + "when `expected` models were processed.")
    ResponseEntity<RunResource> start(@RequestBody NewRun body) {
        List<FieldViolation> violations = new ArrayList<>();
        if (body == null || body.expected() == null) {
            violations.add(new FieldViolation("expected", "required", "is required: how many models the run will send"));
        } else if (body.expected() < 0 || body.expected() > MAX_EXPECTED) {
            violations.add(new FieldViolation("expected", "range", "must be between 0 and " + MAX_EXPECTED));
        }
        String source = body == null || body.source() == null || body.source().isBlank() ? null : body.source().strip();
        if (source != null && source.length() > MAX_SOURCE) {
            violations.add(new FieldViolation("source", "length", "must be at most " + MAX_SOURCE + " characters"));
        }
        if (!violations.isEmpty()) {
            throw ApiProblem.invalid(violations);
        }
        ImportRun run = runs.start(source, body.expected());
        return ResponseEntity.created(URI.create("/api/imports/" + run.id())).body(RunResource.of(run));
    }

    @GetMapping(path = "/api/imports/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getImportRun", summary = "How far an import run got")
    RunResource get(@PathVariable String id) {
        return runs.find(id).map(RunResource::of).orElseThrow(() -> ApiProblem.notFound("import run", id));
    }
}
