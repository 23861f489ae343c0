package org.llmreference.page.ondemand;

import java.time.Instant;
import java.util.List;

import org.llmreference.contracts.PairId;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.page.facts.FactsView;

/**
 * A pair's comparison computed on request, with the facts it was computed from.
 *
 * @param factsVersion the {@link FactsView#version()} when it was computed
 * @param computedAt   when it was computed
 */
public record OnDemandComparison(PairId pair, Comparison comparison, long factsVersion, Instant computedAt,
        ModelSnapshot modelA, ModelSnapshot modelB, List<RouteSnapshot> routesA, List<RouteSnapshot> routesB) {

    /** Whether the view still holds exactly the facts and routes this comparison was computed from. */
    boolean isCurrent(FactsView facts) {
        return facts.model(pair.a()).orElse(null) == modelA && facts.model(pair.b()).orElse(null) == modelB
                && facts.routes(pair.a()) == routesA && facts.routes(pair.b()) == routesB;
    }
}
