package org.llmreference.comparison.engine;

import java.util.List;

import org.llmreference.contracts.comparison.ModelCost;
import org.llmreference.contracts.pricing.PriceStep;
import org.llmreference.contracts.pricing.RouteSnapshot;

/**
 * The dated prices a comparison shows for one side: those of its cheapest route, the active route
 * that prices the page's output tokens ({@link ModelCost#outputRoute()}, else its input route). Only
 * that one route's history goes into the comparison, never every route's, to keep the page event small.
 */
final class PriceHistories {

    private PriceHistories() {
    }

    static List<PriceStep> ofCheapestRoute(Side side, ModelCost cost) {
        String route = cost.outputRoute() != null ? cost.outputRoute() : cost.inputRoute();
        if (route == null) {
            return List.of();
        }
        return PriceList.of(side).active().stream().filter(r -> r.providerName().equals(route)).findFirst()
                .map(RouteSnapshot::history).orElse(List.of());
    }
}
