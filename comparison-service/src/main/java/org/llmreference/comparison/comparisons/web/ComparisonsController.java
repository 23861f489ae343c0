package org.llmreference.comparison.comparisons.web;

import java.net.URI;

import org.llmreference.comparison.comparisons.Comparisons;
import org.llmreference.comparison.comparisons.StoredComparison;
import org.llmreference.contracts.PairId;
import org.llmreference.platform.web.ApiProblem;
import org.llmreference.platform.web.IfMatch;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The computed comparisons, as last published to {@code comparison.pages.v1}. */
@RestController
@RequestMapping(path = "/api/comparisons", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "comparisons", description = "The computed content of every comparison page")
class ComparisonsController {

    private final Comparisons comparisons;

    ComparisonsController(Comparisons comparisons) {
        this.comparisons = comparisons;
    }

    @GetMapping("/{pairId}")
    @Operation(operationId = "getComparison", summary = "Read the current comparison of a pair, {a}-vs-{b} with a < b",
            responses = {
                    @ApiResponse(responseCode = "200", description = "the comparison", headers = @Header(name = "ETag", description = "\"<revision>\"")),
                    @ApiResponse(responseCode = "301", description = "the pair written in the other order: Location names the canonical one"),
                    @ApiResponse(responseCode = "400", description = "not two model ids joined by -vs-", content = @Content(mediaType = "application/problem+json")),
                    @ApiResponse(responseCode = "404", description = "no comparison was ever published for this pair", content = @Content(mediaType = "application/problem+json")),
                    @ApiResponse(responseCode = "410", description = "the pair was withdrawn (detail says why)", content = @Content(mediaType = "application/problem+json")) })
    ResponseEntity<ComparisonResource> get(@PathVariable String pairId) {
        PairId pair = PairIds.parse(pairId);
        if (!pair.isWrittenAs(pairId)) {
            return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).location(URI.create("/api/comparisons/" + pair)).build();
        }
        StoredComparison stored = comparisons.find(pair).orElseThrow(() -> ApiProblem.notFound("comparison", pairId));
        if (!stored.live()) {
            throw new ApiProblem(HttpStatus.GONE, "withdrawn", "Withdrawn",
                    "The comparison " + pair + " was withdrawn at revision " + stored.revision() + ": " + stored.withdrawnReason() + ".");
        }
        return ResponseEntity.ok().eTag(IfMatch.etag(stored.revision())).body(ComparisonResource.of(stored));
    }
}
