package org.llmreference.pricing.routes.sync.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.llmreference.platform.tracing.CausedBy;
import org.llmreference.platform.web.ApiProblem;
import org.llmreference.platform.web.FieldViolation;
import org.llmreference.platform.web.IfMatch;
import org.llmreference.pricing.routes.Provenance;
import org.llmreference.pricing.routes.RouteRules;
import org.llmreference.pricing.routes.sync.SyncConflict;
import org.llmreference.pricing.routes.sync.SyncConflicts;
import org.llmreference.pricing.routes.sync.UpstreamChanges;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The upstream sync's conflicts for editors and ops: the list (editor or ops token), and an editor's
 * decision for one route: {@code {"keep": "upstream"}} applies upstream's values to the terms in
 * conflict, {@code {"keep": "ours"}} keeps ours (until upstream changes them again).
 */
@RestController
@RequestMapping("/api/sync/conflicts")
@Tag(name = "Sync conflicts", description = "Upstream changes not applied because an editor changed the same terms.")
class SyncConflictsController {

    private final SyncConflicts conflicts;
    private final UpstreamChanges upstreamChanges;

    SyncConflictsController(SyncConflicts conflicts, UpstreamChanges upstreamChanges) {
        this.conflicts = conflicts;
        this.upstreamChanges = upstreamChanges;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ConflictView(String modelId, String providerId, List<SyncConflict.Field> fields, Provenance provenance,
            Instant detectedAt, String resolve) {

        static ConflictView of(SyncConflict conflict) {
            return new ConflictView(conflict.modelId(), conflict.providerId(), conflict.fields(), conflict.provenance(),
                    conflict.detectedAt(), "/api/sync/conflicts/" + conflict.modelId() + "/" + conflict.providerId());
        }
    }

    /** An editor's decision: {@code upstream} or {@code ours}. */
    record Resolution(String keep) {
    }

    @GetMapping
    @Operation(summary = "The open conflicts, oldest first (editor or ops token)")
    List<ConflictView> open(HttpServletRequest request) {
        if (!request.isUserInRole("EDITOR") && !request.isUserInRole("OPS")) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                    "The sync's conflicts are listed for editors and ops: send 'Authorization: Bearer <token>'.");
        }
        return conflicts.open().stream().map(ConflictView::of).toList();
    }

    @PostMapping(path = "/{modelId}/{providerId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Resolve a conflict: keep 'upstream' (its values apply, recorded as the sync's) or 'ours'; "
            + "404 when the route has no open conflict")
    ResponseEntity<Map<String, Object>> resolve(@PathVariable String modelId, @PathVariable String providerId,
            @RequestBody Resolution resolution) {
        List<FieldViolation> violations = RouteRules.idViolations(modelId, providerId);
        if (!violations.isEmpty()) {
            throw ApiProblem.invalid(violations);
        }
        String keep = resolution == null ? null : resolution.keep();
        if (!"ours".equals(keep) && !"upstream".equals(keep)) {
            throw ApiProblem.invalid("keep", "one-of", "keep must be 'upstream' or 'ours'");
        }
        try {
            if ("ours".equals(keep)) {
                upstreamChanges.keepOurs(modelId, providerId);
                return ResponseEntity.ok(Map.of("modelId", modelId, "providerId", providerId, "kept", "ours"));
            }
            UpstreamChanges.Accepted accepted = upstreamChanges.acceptUpstream(modelId, providerId);
            ResponseEntity.BodyBuilder response = ResponseEntity.ok().eTag(IfMatch.etag(accepted.revision()));
            if (accepted.causedBy() != null) {
                response.header(CausedBy.HEADER, accepted.causedBy());
            }
            if (accepted.route() == null) {
                return response.body(Map.of("modelId", modelId, "providerId", providerId, "kept", "upstream",
                        "withdrawn", true));
            }
            return response.body(Map.of("modelId", modelId, "providerId", providerId, "kept", "upstream",
                    "route", accepted.route().given()));
        } catch (UpstreamChanges.ConflictNotFound e) {
            throw ApiProblem.notFound("open sync conflict", modelId + "/" + providerId);
        }
    }
}
