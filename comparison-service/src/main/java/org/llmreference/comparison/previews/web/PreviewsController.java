package org.llmreference.comparison.previews.web;

import java.math.BigDecimal;
import java.util.List;

import org.llmreference.comparison.previews.Previews;
import org.llmreference.comparison.previews.Proposal;
import org.llmreference.comparison.previews.web.PreviewRequest.RouteProposal;
import org.llmreference.comparison.recompute.Preview;
import org.llmreference.contracts.catalog.Benchmark;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.pricing.ContextTier;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.contracts.pricing.RouteTerms;
import org.llmreference.platform.web.ApiProblem;
import org.llmreference.platform.web.Violations;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Dry runs for editors: what a proposed model or route change would do to the pages, computed on a
 * copy of this service's facts. Stores and publishes nothing.
 */
@RestController
@RequestMapping(path = "/api/previews", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "previews", description = "What a proposed change would do to the pages, before it is made")
class PreviewsController {

    static final long MAX_TOKENS = 100_000_000L;
    static final BigDecimal MAX_PRICE = new BigDecimal("10000");
    static final int MAX_PRICE_SCALE = 10;
    static final BigDecimal MAX_PARAMETERS_BILLIONS = new BigDecimal("100000");
    static final BigDecimal MAX_SCORE = new BigDecimal("100000");

    private final Previews previews;

    PreviewsController(Previews previews) {
        this.previews = previews;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "previewChange", summary = "Preview a proposed model or route change: the affected pages before and after",
            description = "The body holds exactly one of model (the model's facts after the edit), route (one provider's route of a "
                    + "model after the edit, replacing or adding it) or withdrawRoute. Nothing is stored or published.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "the affected pages, each before and after"),
                    @ApiResponse(responseCode = "400", description = "not exactly one proposal, or a field breaks a rule", content = @Content(mediaType = "application/problem+json")),
                    @ApiResponse(responseCode = "404", description = "the model, or the route to withdraw, is unknown", content = @Content(mediaType = "application/problem+json")),
                    @ApiResponse(responseCode = "422", description = "the proposal changes nothing, or proposes a route of a retired model", content = @Content(mediaType = "application/problem+json")) })
    PreviewResource preview(@RequestBody PreviewRequest request) {
        Proposal proposal = proposal(request);
        List<Preview.Page> pages = previews.preview(proposal);
        return PreviewResource.of(pages);
    }

    /** The one proposal of the body, each of its fields checked. */
    static Proposal proposal(PreviewRequest request) {
        int given = (request.model() != null ? 1 : 0) + (request.route() != null ? 1 : 0)
                + (request.withdrawRoute() != null ? 1 : 0);
        if (given != 1) {
            throw ApiProblem.invalid("body", "one-proposal",
                    "must hold exactly one of model, route or withdrawRoute (it holds " + given + ")");
        }
        Violations v = new Violations();
        if (request.model() != null) {
            model(v, request.model());
            v.throwIfAny();
            return new Proposal.Model(request.model());
        }
        if (request.route() != null) {
            RouteProposal route = request.route();
            route(v, route);
            v.throwIfAny();
            return new Proposal.Route(route.modelId(), new RouteSnapshot(route.providerId(), route.providerName(),
                    new RouteTerms(route.inputPricePerMTok(), route.outputPricePerMTok(), route.cachedInputPricePerMTok(),
                            route.cacheWritePricePerMTok(), route.batchInputPricePerMTok(), route.batchOutputPricePerMTok(),
                            route.contextTiers(), route.contextWindow(), route.region(), route.status(), route.sourceUrl(),
                            route.verifiedAt()),
                    route.effectiveFrom()));
        }
        v.slug("withdrawRoute.modelId", request.withdrawRoute().modelId(), true);
        v.slug("withdrawRoute.providerId", request.withdrawRoute().providerId(), true);
        v.throwIfAny();
        return new Proposal.WithdrawRoute(request.withdrawRoute().modelId(), request.withdrawRoute().providerId());
    }

    /** The rules catalog-service keeps for the fields the comparison engine reads. */
    private static void model(Violations v, ModelSnapshot model) {
        v.slug("model.id", model.id(), true);
        v.text("model.name", model.name(), 200, true);
        v.text("model.vendor", model.vendor(), 100, false);
        v.text("model.family", model.family(), 100, false);
        v.text("model.architecture", model.architecture(), 100, false);
        v.text("model.license", model.license(), 100, false);
        boolean contextOk = v.range("model.contextWindow", toLong(model.contextWindow()), 1, MAX_TOKENS);
        boolean outputOk = v.range("model.maxOutputTokens", toLong(model.maxOutputTokens()), 1, MAX_TOKENS);
        if (contextOk && outputOk && model.contextWindow() != null && model.maxOutputTokens() != null) {
            v.check(model.maxOutputTokens() > model.contextWindow(), "model.maxOutputTokens", "max-context-window",
                    "must not exceed contextWindow (" + model.contextWindow() + ")");
        }
        if (model.parametersBillions() != null
                && v.check(model.parametersBillions().signum() <= 0, "model.parametersBillions", "min", "must be greater than 0")) {
            v.decimal("model.parametersBillions", model.parametersBillions(), BigDecimal.ZERO, MAX_PARAMETERS_BILLIONS, 3);
        }
        v.check(model.benchmarks().size() > 100, "model.benchmarks", "max-items", "must have at most 100 items");
        for (int i = 0; i < model.benchmarks().size(); i++) {
            String at = "model.benchmarks[" + i + "]";
            Benchmark benchmark = model.benchmarks().get(i);
            if (v.required(at, benchmark)) {
                v.text(at + ".name", benchmark.name(), 100, true);
                if (v.required(at + ".score", benchmark.score())) {
                    v.decimal(at + ".score", benchmark.score(), BigDecimal.ZERO, MAX_SCORE, 6);
                }
            }
        }
        v.check(model.decisionTags().size() > 20, "model.decisionTags", "max-items", "must have at most 20 items");
        if (v.slug("model.successorId", model.successorId(), false) && model.successorId() != null) {
            v.check(model.successorId().equals(model.id()), "model.successorId", "not-self", "must not be the model itself");
        }
    }

    /** The rules pricing-service keeps for a route's terms. */
    private static void route(Violations v, RouteProposal route) {
        v.slug("route.modelId", route.modelId(), true);
        v.slug("route.providerId", route.providerId(), true);
        v.text("route.providerName", route.providerName(), 100, true);
        price(v, "route.inputPricePerMTok", route.inputPricePerMTok());
        price(v, "route.outputPricePerMTok", route.outputPricePerMTok());
        price(v, "route.cachedInputPricePerMTok", route.cachedInputPricePerMTok());
        price(v, "route.cacheWritePricePerMTok", route.cacheWritePricePerMTok());
        price(v, "route.batchInputPricePerMTok", route.batchInputPricePerMTok());
        price(v, "route.batchOutputPricePerMTok", route.batchOutputPricePerMTok());
        boolean windowOk = v.range("route.contextWindow", toLong(route.contextWindow()), 1, MAX_TOKENS);
        List<ContextTier> tiers = route.contextTiers() == null ? List.of() : route.contextTiers();
        v.check(tiers.size() > 10, "route.contextTiers", "max-items", "must hold at most 10 tiers");
        Long previous = null;
        for (int i = 0; i < tiers.size(); i++) {
            String at = "route.contextTiers[" + i + "]";
            ContextTier tier = tiers.get(i);
            if (!v.required(at, tier)) {
                continue;
            }
            if (v.range(at + ".aboveTokens", tier.aboveTokens(), 1, MAX_TOKENS)) {
                if (previous != null) {
                    v.check(tier.aboveTokens() <= previous, at + ".aboveTokens", "ascending",
                            "must be above the previous tier's " + previous + " (tiers go strictly ascending)");
                }
                if (windowOk && route.contextWindow() != null) {
                    v.check(tier.aboveTokens() >= route.contextWindow(), at + ".aboveTokens", "below-context-window",
                            "must be below the context window of " + route.contextWindow() + " tokens");
                }
                previous = tier.aboveTokens();
            }
            price(v, at + ".inputPricePerMTok", tier.inputPricePerMTok());
            price(v, at + ".outputPricePerMTok", tier.outputPricePerMTok());
        }
        v.text("route.region", route.region(), 64, false);
        v.httpUrl("route.sourceUrl", route.sourceUrl(), false);
    }

    private static void price(Violations v, String field, BigDecimal price) {
        v.decimal(field, price, BigDecimal.ZERO, MAX_PRICE, MAX_PRICE_SCALE);
    }

    private static Long toLong(Integer value) {
        return value == null ? null : value.longValue();
    }
}
