package org.llmreference.catalog.models.web;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import org.llmreference.catalog.models.ExpectedRevision;
import org.llmreference.catalog.models.LlmModel;
import org.llmreference.catalog.models.ModelEditing;
import org.llmreference.catalog.models.ModelEditing.Edit;
import org.llmreference.catalog.models.ModelFilter;
import org.llmreference.catalog.models.ModelInput;
import org.llmreference.contracts.catalog.Capabilities;
import org.llmreference.contracts.catalog.ModelStatus;
import org.llmreference.platform.tracing.CausedBy;
import org.llmreference.platform.web.ApiProblem;
import org.llmreference.platform.web.IfMatch;
import org.llmreference.platform.web.Violations;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The editor API of the catalog. Every answer with a model carries {@code ETag: "<revision>"};
 * every write that changed something carries {@code X-Caused-By}, the id of the event it started.
 */
@RestController
@RequestMapping(path = "/api/models", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "models", description = "The model catalog: specs, capabilities, decision tags, benchmarks")
class ModelsController {

    static final String MERGE_PATCH_JSON = "application/merge-patch+json";
    static final String CAUSED_BY = CausedBy.HEADER;
    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;
    static final List<String> CAPABILITIES = Arrays.stream(Capabilities.class.getRecordComponents())
            .map(component -> component.getName()).toList();

    private final ModelEditing editing;
    private final JsonMapper json;

    ModelsController(ModelEditing editing, JsonMapper json) {
        this.editing = editing;
        this.json = json;
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getModel", summary = "Read one model", responses = {
            @ApiResponse(responseCode = "200", description = "the model", headers = @Header(name = "ETag", description = "\"<revision>\"")),
            @ApiResponse(responseCode = "301", description = "the id is an alias: Location names the model's own URL",
                    headers = @Header(name = "Location")),
            @ApiResponse(responseCode = "404", description = "no such model", content = @Content(mediaType = "application/problem+json")) })
    ResponseEntity<ModelResource> get(@PathVariable String id) {
        LlmModel model = editing.find(id).orElse(null);
        if (model == null) {
            String canonical = editing.canonicalOf(id).orElseThrow(() -> ApiProblem.notFound("model", id));
            return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).location(URI.create("/api/models/" + canonical)).build();
        }
        return ResponseEntity.ok().eTag(IfMatch.etag(model.revision())).body(ModelResource.of(model));
    }

    @GetMapping
    @Operation(operationId = "listModels", summary = "List models, sorted by id, a page at a time", responses = {
            @ApiResponse(responseCode = "200", description = "one page"),
            @ApiResponse(responseCode = "400", description = "a parameter is invalid (named in errors[].field)",
                    content = @Content(mediaType = "application/problem+json")) })
    ModelResource.Page list(
            @Parameter(description = "vendor, ignoring case") @RequestParam(required = false) String vendor,
            @Parameter(description = "a capability the model has, e.g. toolUse",
                    schema = @Schema(allowableValues = { "vision", "multimodal", "reasoning", "functionCalling", "toolUse",
                            "structuredOutputs", "codeExecution", "ideIntegration", "computerUse", "parallelAgents" }))
            @RequestParam(required = false) String capability,
            @Parameter(schema = @Schema(allowableValues = { "active", "deprecated", "retired" }))
            @RequestParam(required = false) String status,
            @Parameter(description = "family, ignoring case") @RequestParam(required = false) String family,
            @Parameter(description = "from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "1 to " + MAX_SIZE) @RequestParam(defaultValue = "" + DEFAULT_SIZE) int size) {
        Violations v = new Violations();
        v.text("vendor", vendor, 100, false);
        v.text("family", family, 100, false);
        if (capability != null) {
            v.check(!CAPABILITIES.contains(capability), "capability", "one-of", "must be one of " + CAPABILITIES);
        }
        ModelStatus wanted = null;
        if (status != null) {
            wanted = Arrays.stream(ModelStatus.values()).filter(s -> s.name().toLowerCase(Locale.ROOT).equals(status))
                    .findFirst().orElse(null);
            v.check(wanted == null, "status", "one-of", "must be one of [active, deprecated, retired]");
        }
        v.check(page < 0, "page", "min", "must be at least 0");
        if (v.check(size < 1, "size", "min", "must be at least 1")) {
            v.check(size > MAX_SIZE, "size", "max", "must be at most " + MAX_SIZE);
        }
        v.throwIfAny();
        return ModelResource.Page.of(editing.list(new ModelFilter(vendor, capability, wanted, family), page, size));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "putModel", summary = "Create or replace a model", description = "The body is the whole model; absent fields become unknown. "
            + "A body equal to the stored model changes nothing (same revision, no event). Setting status retired "
            + "announces ModelRetired; setting a retired model back to active or deprecated announces ModelChanged.",
            responses = {
                    @ApiResponse(responseCode = "201", description = "created (ETag \"1\")", headers = {
                            @Header(name = "Location", description = "the model's URL"), @Header(name = "ETag"),
                            @Header(name = CAUSED_BY, description = "id of the event this edit started") }),
                    @ApiResponse(responseCode = "200", description = "replaced, or unchanged (no X-Caused-By)",
                            headers = { @Header(name = "ETag"), @Header(name = CAUSED_BY) }),
                    @ApiResponse(responseCode = "400", description = "invalid model", content = @Content(mediaType = "application/problem+json")),
                    @ApiResponse(responseCode = "412", description = "If-Match names another revision, or a model that does not exist",
                            content = @Content(mediaType = "application/problem+json")) })
    ResponseEntity<ModelResource> put(@PathVariable String id,
            @Parameter(description = "the ETag last read, e.g. \"3\"") @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody ModelInput model) {
        return answer(editing.put(id, expected(ifMatch), model));
    }

    @PatchMapping(path = "/{id}", consumes = { MERGE_PATCH_JSON, MediaType.APPLICATION_JSON_VALUE })
    @Operation(operationId = "patchModel", summary = "Change some fields of a model (JSON merge patch, RFC 7396)",
            description = "Members of the patch replace the model's, objects merge, null removes a field. "
                    + "The result is checked like a PUT; changing the id is refused.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
                    @Content(mediaType = MERGE_PATCH_JSON, schema = @Schema(implementation = ModelInput.class)),
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ModelInput.class)) }),
            responses = {
                    @ApiResponse(responseCode = "200", description = "patched, or unchanged (no X-Caused-By)",
                            headers = { @Header(name = "ETag"), @Header(name = CAUSED_BY) }),
                    @ApiResponse(responseCode = "400", description = "invalid result", content = @Content(mediaType = "application/problem+json")),
                    @ApiResponse(responseCode = "404", description = "no such model", content = @Content(mediaType = "application/problem+json")),
                    @ApiResponse(responseCode = "412", description = "If-Match names another revision",
                            content = @Content(mediaType = "application/problem+json")) })
    ResponseEntity<ModelResource> patch(@PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody JsonNode patch) {
        if (!patch.isObject()) {
            throw ApiProblem.invalid("body", "type", "a merge patch must be a JSON object");
        }
        return answer(editing.patch(id, expected(ifMatch), current -> {
            JsonNode document = json.valueToTree(ModelInput.of(current.state()));
            return json.treeToValue(MergePatch.apply(document, patch), ModelInput.class);
        }));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "retireModel", summary = "Retire a model", description = "Sets status retired and announces ModelRetired; retiring a retired "
            + "model changes nothing.", responses = {
                    @ApiResponse(responseCode = "200", description = "retired (or already retired: no X-Caused-By)",
                            headers = { @Header(name = "ETag"), @Header(name = CAUSED_BY) }),
                    @ApiResponse(responseCode = "404", description = "no such model", content = @Content(mediaType = "application/problem+json")),
                    @ApiResponse(responseCode = "412", description = "If-Match names another revision",
                            content = @Content(mediaType = "application/problem+json")) })
    ResponseEntity<ModelResource> retire(@PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return answer(editing.retire(id, expected(ifMatch)));
    }

    /** What {@code If-Match} expects; a header that is not one of our ETags is refused with 400. */
    private static ExpectedRevision expected(String ifMatch) {
        OptionalLong revision = IfMatch.revision(ifMatch);
        if (revision.isPresent()) {
            return ExpectedRevision.of(revision.getAsLong());
        }
        return ifMatch == null || ifMatch.isBlank() ? ExpectedRevision.NONE : ExpectedRevision.ANY;
    }

    private static ResponseEntity<ModelResource> answer(Edit edit) {
        ResponseEntity.BodyBuilder response = edit.created()
                ? ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/models/" + edit.model().id()))
                : ResponseEntity.ok();
        response.eTag(IfMatch.etag(edit.model().revision()));
        if (!edit.changedNothing()) {
            response.header(CAUSED_BY, edit.causedBy());
        }
        return response.body(ModelResource.of(edit.model()));
    }
}
