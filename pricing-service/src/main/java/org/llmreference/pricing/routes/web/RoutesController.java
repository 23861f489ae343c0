package org.llmreference.pricing.routes.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.llmreference.platform.tracing.CausedBy;
import org.llmreference.platform.web.ApiProblem;
import org.llmreference.platform.web.FieldViolation;
import org.llmreference.platform.web.IfMatch;
import org.llmreference.pricing.models.KnownModels;
import org.llmreference.pricing.routes.PriceList;
import org.llmreference.pricing.routes.PriceLists;
import org.llmreference.pricing.routes.PriceLists.Announced;
import org.llmreference.pricing.routes.Provenance;
import org.llmreference.pricing.routes.PutOutcome;
import org.llmreference.pricing.routes.RouteCommands;
import org.llmreference.pricing.routes.RouteInput;
import org.llmreference.pricing.routes.RouteRules;
import org.llmreference.pricing.routes.ScheduledChange;
import org.llmreference.pricing.routes.sync.UpstreamChanges;
import org.llmreference.pricing.routes.web.RouteViews.HistoryView;
import org.llmreference.pricing.routes.web.RouteViews.PriceListView;
import org.llmreference.pricing.routes.web.RouteViews.RouteView;
import org.llmreference.pricing.routes.web.RouteViews.ScheduledView;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/models/{modelId}/routes")
@Tag(name = "Routes", description = "A model's price list: provider routes with token prices, scheduled changes and history.")
class RoutesController {

    static final String CAUSED_BY = CausedBy.HEADER;

    private final RouteCommands editor;
    private final PriceLists priceLists;
    private final KnownModels knownModels;
    private final UpstreamChanges upstreamChanges;

    RoutesController(RouteCommands editor, PriceLists priceLists, KnownModels knownModels,
            UpstreamChanges upstreamChanges) {
        this.editor = editor;
        this.priceLists = priceLists;
        this.knownModels = knownModels;
        this.upstreamChanges = upstreamChanges;
    }

    @GetMapping
    @Operation(summary = "The model's routes in force (by provider id) and its pending scheduled changes; ETag = revision")
    ResponseEntity<PriceListView> priceList(@PathVariable String modelId) {
        PriceList priceList = priceListOf(modelId);
        return ResponseEntity.ok().eTag(IfMatch.etag(priceList.revision())).body(PriceListView.of(priceList));
    }

    @GetMapping("/{providerId}")
    @Operation(summary = "One route in force; ETag = the price list revision")
    ResponseEntity<RouteView> route(@PathVariable String modelId, @PathVariable String providerId) {
        PriceList priceList = priceListOf(modelId);
        return priceList.route(providerId)
                .map(route -> ResponseEntity.ok().eTag(IfMatch.etag(priceList.revision()))
                        .body(RouteView.of(modelId, route, priceList.revision())))
                .orElseThrow(() -> ApiProblem.notFound("route", modelId + "/" + providerId));
    }

    @PutMapping(path = "/{providerId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Put a route: 201 new, 200 changed or identical (no new revision), 202 when effectiveFrom "
            + "is in the future (scheduled); 422 for an unknown or retired model or an unknown provider. With "
            + "X-Llmref-Origin: sync, an upstream change: terms an editor changed since keep our value (listed in "
            + "X-Llmref-Sync-Conflict and under /api/sync/conflicts)")
    ResponseEntity<Object> put(@PathVariable String modelId, @PathVariable String providerId,
            @RequestBody RouteInput input, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader HttpHeaders headers) {
        Provenance provenance = ProvenanceHeaders.read(headers);
        RouteCommands.Put put;
        List<String> conflicts = List.of();
        if (Provenance.SYNC.equals(provenance.origin())) {
            if (input.effectiveFrom() != null) {
                throw ApiProblem.invalid("effectiveFrom", "not-for-sync", "an upstream change takes effect now: leave effectiveFrom out");
            }
            UpstreamChanges.Outcome outcome = upstreamChanges.apply(modelId, providerId, input, provenance);
            put = outcome.put();
            conflicts = outcome.conflicts();
        } else {
            put = editor.put(modelId, providerId, input, ifMatch, provenance);
        }
        long revision = put.priceList().revision();
        if (put.outcome() == PutOutcome.SCHEDULED) {
            ScheduledChange change = put.scheduled();
            return ResponseEntity.accepted().eTag(IfMatch.etag(revision))
                    .location(URI.create("/api/models/" + modelId + "/routes/" + providerId + "/scheduled/" + change.id()))
                    .body(ScheduledView.of(modelId, change, revision));
        }
        ResponseEntity.BodyBuilder response = ResponseEntity
                .status(put.outcome() == PutOutcome.CREATED ? HttpStatus.CREATED : HttpStatus.OK)
                .eTag(IfMatch.etag(revision));
        if (put.outcome() == PutOutcome.CREATED) {
            response.location(URI.create("/api/models/" + modelId + "/routes/" + providerId));
        }
        if (put.causedBy() != null) {
            response.header(CAUSED_BY, put.causedBy());
        }
        if (!conflicts.isEmpty()) {
            response.header(ProvenanceHeaders.SYNC_CONFLICT, String.join(",", conflicts));
        }
        return response.body(RouteView.of(modelId, put.route(), revision));
    }

    @DeleteMapping("/{providerId}")
    @Operation(summary = "Withdraw a route (RouteWithdrawn with the routes that remain); 404 if there is no such route. "
            + "With X-Llmref-Origin: sync, upstream no longer lists it: a route an editor changed since stays, with a "
            + "conflict (X-Llmref-Sync-Conflict: route); 409 for a route that never came from upstream")
    ResponseEntity<PriceListView> withdraw(@PathVariable String modelId, @PathVariable String providerId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader HttpHeaders headers) {
        Provenance provenance = ProvenanceHeaders.read(headers);
        if (Provenance.SYNC.equals(provenance.origin())) {
            return syncWithdrawal(modelId, providerId, provenance);
        }
        Announced withdrawn = editor.withdraw(modelId, providerId, ifMatch, provenance);
        PriceList after = withdrawn.change().after();
        return ResponseEntity.ok().eTag(IfMatch.etag(after.revision())).header(CAUSED_BY, withdrawn.causedBy())
                .body(PriceListView.of(after));
    }

    /**
     * Upstream no longer lists the route: withdrawn (200) unless an editor changed it since the last
     * upstream value, then kept with a conflict (200, {@value ProvenanceHeaders#SYNC_CONFLICT}: route);
     * 409 for a route that never came from upstream.
     */
    private ResponseEntity<PriceListView> syncWithdrawal(String modelId, String providerId, Provenance provenance) {
        UpstreamChanges.Withdrawal withdrawal;
        try {
            withdrawal = upstreamChanges.withdraw(modelId, providerId, provenance);
        } catch (UpstreamChanges.NotFromUpstream e) {
            throw new ApiProblem(HttpStatus.CONFLICT, "not-from-upstream", "Not from upstream", e.getMessage());
        }
        if (withdrawal.withdrawn() == null) {
            PriceList kept = priceListOf(modelId);
            return ResponseEntity.ok().eTag(IfMatch.etag(kept.revision()))
                    .header(ProvenanceHeaders.SYNC_CONFLICT, UpstreamChanges.WITHDRAWN).body(PriceListView.of(kept));
        }
        PriceList after = withdrawal.withdrawn().change().after();
        return ResponseEntity.ok().eTag(IfMatch.etag(after.revision())).header(CAUSED_BY, withdrawal.withdrawn().causedBy())
                .body(PriceListView.of(after));
    }

    @GetMapping("/{providerId}/history")
    @Operation(summary = "Every accepted change of the route, oldest first "
            + "(kind: applied, scheduled, cancelled, withdrawn, dropped)")
    List<HistoryView> history(@PathVariable String modelId, @PathVariable String providerId) {
        return priceListOf(modelId).historyOf(providerId).stream().map(HistoryView::of).toList();
    }

    @GetMapping("/{providerId}/scheduled")
    @Operation(summary = "The route's pending scheduled changes, the soonest first")
    List<ScheduledView> scheduled(@PathVariable String modelId, @PathVariable String providerId) {
        PriceList priceList = priceListOf(modelId);
        return priceList.scheduledFor(providerId).stream().map(s -> ScheduledView.of(modelId, s, null)).toList();
    }

    @GetMapping("/{providerId}/scheduled/{id}")
    @Operation(summary = "One pending scheduled change; 404 once it applied or was cancelled")
    ScheduledView scheduledChange(@PathVariable String modelId, @PathVariable String providerId,
            @PathVariable UUID id) {
        PriceList priceList = priceListOf(modelId);
        return priceList.scheduledChange(id).filter(s -> s.providerId().equals(providerId))
                .map(s -> ScheduledView.of(modelId, s, priceList.revision()))
                .orElseThrow(() -> ApiProblem.notFound("scheduled change", id.toString()));
    }

    @DeleteMapping("/{providerId}/scheduled/{id}")
    @Operation(summary = "Cancel a scheduled change before it applies (204); 404 if unknown or already applied")
    ResponseEntity<Void> cancel(@PathVariable String modelId, @PathVariable String providerId, @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        editor.cancel(modelId, providerId, id, ifMatch);
        return ResponseEntity.noContent().build();
    }

    /** The model's price list; an empty one for a known model nobody priced yet; 404 otherwise. */
    private PriceList priceListOf(String modelId) {
        List<FieldViolation> violations = RouteRules.idViolations(modelId, "x");
        if (!violations.isEmpty()) {
            throw ApiProblem.invalid(violations);
        }
        return priceLists.find(modelId).or(() -> knownModels.find(modelId).map(known -> PriceList.none(modelId)))
                .orElseThrow(() -> ApiProblem.notFound("model", modelId));
    }
}
