package org.llmreference.comparison.pairs.web;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.llmreference.comparison.comparisons.Cause;
import org.llmreference.comparison.comparisons.LiveComparisonSet;
import org.llmreference.comparison.comparisons.web.PairIds;
import org.llmreference.contracts.PairId;
import org.llmreference.comparison.graph.PeerGraph;
import org.llmreference.comparison.pairs.PairCuration;
import org.llmreference.platform.tracing.CausedBy;
import org.llmreference.platform.web.ApiProblem;
import org.llmreference.platform.web.Violations;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
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
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The pair graph: which pairs have a page. Editors curate pairs beyond each model's nearest peers;
 * a write carries {@code X-Caused-By}, the chain its publications follow from.
 */
@RestController
@RequestMapping(path = "/api/pairs", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "pairs", description = "Curated pairs and each model's nearest peers")
class PairsController {

    static final String CAUSED_BY = CausedBy.HEADER;
    static final int DEFAULT_SIZE = 100;
    static final int MAX_SIZE = 1000;
    private static final Pattern EMPTY_OBJECT = Pattern.compile("\\s*\\{\\s*}\\s*");

    private final LiveComparisonSet comparisons;
    private final PairCuration curation;
    private final Clock clock;

    PairsController(LiveComparisonSet comparisons, PairCuration curation, Clock clock) {
        this.comparisons = comparisons;
        this.curation = curation;
        this.clock = clock;
    }

    @GetMapping
    @Operation(operationId = "listPairs", summary = "List live pairs, sorted by id: all of them, or those of one model; "
            + "with curated=true, the pairs editors curated (live or not)",
            responses = {
                    @ApiResponse(responseCode = "200", description = "one page"),
                    @ApiResponse(responseCode = "400", description = "a parameter is invalid", content = @Content(mediaType = "application/problem+json")),
                    @ApiResponse(responseCode = "404", description = "the model is not in the graph", content = @Content(mediaType = "application/problem+json")) })
    PairResource.Page list(@Parameter(description = "a model id: only its pairs") @RequestParam(required = false) String model,
            @Parameter(description = "true: only curated pairs, also those without a page (a model retired)")
            @RequestParam(defaultValue = "false") boolean curated,
            @Parameter(description = "from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "1 to " + MAX_SIZE) @RequestParam(defaultValue = "" + DEFAULT_SIZE) int size) {
        Violations v = new Violations();
        if (model != null) {
            v.slug("model", model, true);
        }
        v.check(page < 0, "page", "min", "must be at least 0");
        if (v.check(size < 1, "size", "min", "must be at least 1")) {
            v.check(size > MAX_SIZE, "size", "max", "must be at most " + MAX_SIZE);
        }
        v.throwIfAny();
        return comparisons.read(set -> {
            PeerGraph graph = set.graph();
            if (model != null && !graph.contains(model)) {
                throw ApiProblem.notFound("model in the pair graph", model);
            }
            List<PairId> all = new ArrayList<>(model == null ? new TreeSet<>(graph.livePairs()) : graph.pairsOf(model));
            if (curated) {
                all = new ArrayList<>(new TreeSet<>(graph.curatedPairs()));
                if (model != null) {
                    all.removeIf(pair -> !pair.a().equals(model) && !pair.b().equals(model));
                }
            }
            List<PairResource> items = all.stream().skip((long) page * size).limit(size)
                    .map(pair -> PairResource.of(pair, graph)).toList();
            return new PairResource.Page(items, page, size, all.size());
        });
    }

    @GetMapping("/{pairId}")
    @Operation(operationId = "getPair", summary = "Read one pair of the graph", responses = {
            @ApiResponse(responseCode = "200", description = "the pair"),
            @ApiResponse(responseCode = "301", description = "the pair written in the other order"),
            @ApiResponse(responseCode = "404", description = "neither live nor curated", content = @Content(mediaType = "application/problem+json")) })
    ResponseEntity<PairResource> get(@PathVariable String pairId) {
        PairId pair = PairIds.parse(pairId);
        if (!pair.isWrittenAs(pairId)) {
            return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).location(URI.create("/api/pairs/" + pair)).build();
        }
        return ResponseEntity.ok(comparisons.read(set -> {
            PeerGraph graph = set.graph();
            if (!graph.isLive(pair) && !graph.isCurated(pair)) {
                throw ApiProblem.notFound("pair", pairId);
            }
            return PairResource.of(pair, graph);
        }));
    }

    @PutMapping("/{pairId}")
    @Operation(operationId = "curatePair", summary = "Curate a pair: it gets a page even if neither model counts the other among its nearest peers",
            description = "Both models must be in the catalog and not retired. Either order is accepted; the pair is stored in canonical order.",
            responses = {
                    @ApiResponse(responseCode = "201", description = "curated", headers = {
                            @Header(name = "Location"), @Header(name = CAUSED_BY, description = "the chain its publication follows from") }),
                    @ApiResponse(responseCode = "200", description = "already curated: nothing changed"),
                    @ApiResponse(responseCode = "400", description = "not two model ids joined by -vs-, or a body other than none or {}", content = @Content(mediaType = "application/problem+json")),
                    @ApiResponse(responseCode = "415", description = "a body that is not JSON", content = @Content(mediaType = "application/problem+json")),
                    @ApiResponse(responseCode = "422", description = "a model is unknown or retired", content = @Content(mediaType = "application/problem+json")) })
    ResponseEntity<PairResource> curate(@PathVariable String pairId, @RequestBody(required = false) String content,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType) {
        requireNoContent(content, contentType);
        PairId pair = PairIds.parse(pairId);
        Cause cause = Cause.startingNow(clock.instant(), Cause.CURATION);
        boolean created = curation.curate(pair, cause);
        URI location = URI.create("/api/pairs/" + pair);
        PairResource body = comparisons.read(set -> PairResource.of(pair, set.graph()));
        if (!created) {
            return ResponseEntity.ok().location(location).body(body);
        }
        return ResponseEntity.created(location).header(CAUSED_BY, cause.causedBy()).body(body);
    }

    /** A curation says everything in its path: its body is none, or an empty JSON object. */
    private static void requireNoContent(String body, String contentType) {
        if (body == null || body.isBlank()) {
            return;
        }
        if (!isJson(contentType)) {
            throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                    "A curation has no body, or the empty JSON object {} as application/json.");
        }
        if (!EMPTY_OBJECT.matcher(body).matches()) {
            throw ApiProblem.invalid("body", "empty", "must be empty or the empty JSON object {}");
        }
    }

    private static boolean isJson(String contentType) {
        try {
            return contentType != null && MediaType.APPLICATION_JSON.equalsTypeAndSubtype(MediaType.parseMediaType(contentType));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    @DeleteMapping("/{pairId}")
    @Operation(operationId = "uncuratePair", summary = "Withdraw the curation of a pair",
            description = "The pair keeps its page only if one model counts the other among its nearest peers; otherwise its page is withdrawn.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "the pair as it is now", headers = @Header(name = CAUSED_BY)),
                    @ApiResponse(responseCode = "404", description = "the pair is not curated", content = @Content(mediaType = "application/problem+json")) })
    ResponseEntity<PairResource> uncurate(@PathVariable String pairId) {
        PairId pair = PairIds.parse(pairId);
        Cause cause = Cause.startingNow(clock.instant(), Cause.CURATION);
        if (!curation.uncurate(pair, cause)) {
            throw ApiProblem.notFound("curated pair", pair.toString());
        }
        return ResponseEntity.ok().header(CAUSED_BY, cause.causedBy())
                .body(comparisons.read(set -> PairResource.of(pair, set.graph())));
    }
}
