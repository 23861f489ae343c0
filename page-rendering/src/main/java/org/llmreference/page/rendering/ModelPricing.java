package org.llmreference.page.rendering;

import java.util.List;
import java.util.Objects;

import org.llmreference.contracts.comparison.CostPoint;
import org.llmreference.contracts.comparison.ModelCost;
import org.llmreference.contracts.comparison.RouteCost;
import org.llmreference.contracts.comparison.TrafficProfile;
import org.llmreference.contracts.pricing.PriceStep;

/**
 * A model's routes and monthly cost at a workload, for its model page.
 *
 * @param curve   the model's cost at each traffic level ({@link CostPoint#modelAUsd()})
 * @param history the dated prices of the model's cheapest route, oldest first, as its comparison
 *                carries them ({@code historyA}/{@code historyB}); empty when none is recorded
 */
public record ModelPricing(TrafficProfile profile, List<RouteCost> routes, ModelCost cost, List<CostPoint> curve,
        List<PriceStep> history) {

    /** Routes and cost without a price history. */
    public ModelPricing(TrafficProfile profile, List<RouteCost> routes, ModelCost cost, List<CostPoint> curve) {
        this(profile, routes, cost, curve, null);
    }

    public ModelPricing {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(cost, "cost");
        routes = routes == null ? List.of() : List.copyOf(routes);
        curve = curve == null ? List.of() : List.copyOf(curve);
        history = history == null ? List.of() : List.copyOf(history);
    }
}
