package org.llmreference.page.rendering;

import java.util.List;
import java.util.Objects;

import org.llmreference.contracts.comparison.CostPoint;
import org.llmreference.contracts.comparison.ModelCost;
import org.llmreference.contracts.comparison.RouteCost;
import org.llmreference.contracts.comparison.TrafficProfile;

/**
 * A model's routes and monthly cost at a workload, for its model page.
 *
 * @param curve the model's cost at each traffic level ({@link CostPoint#modelAUsd()})
 */
public record ModelPricing(TrafficProfile profile, List<RouteCost> routes, ModelCost cost, List<CostPoint> curve) {

    public ModelPricing {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(cost, "cost");
        routes = routes == null ? List.of() : List.copyOf(routes);
        curve = curve == null ? List.of() : List.copyOf(curve);
    }
}
