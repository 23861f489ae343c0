package org.llmreference.page.calculator;

import java.util.List;

import org.llmreference.comparison.engine.Calculator;
import org.llmreference.comparison.engine.PricedModel;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.contracts.comparison.CostPoint;
import org.llmreference.contracts.comparison.ModelCost;
import org.llmreference.contracts.comparison.ModelSummary;
import org.llmreference.contracts.comparison.MonthlyCost;
import org.llmreference.contracts.comparison.RouteCost;
import org.llmreference.contracts.comparison.TrafficProfile;
import org.llmreference.page.rendering.ModelPricing;

/**
 * A published comparison's costs at another workload, recomputed with the engine's own cost rules
 * ({@link Calculator}) from the route tables the comparison carries: the same figures the engine
 * would have published for that workload.
 */
public final class WorkloadPrices {

    private WorkloadPrices() {
    }

    /** The comparison with its monthly cost, curve and route tables at {@code profile}. */
    public static Comparison comparison(Comparison comparison, TrafficProfile profile) {
        PricedModel a = priced(comparison.modelA(), comparison.routesA());
        PricedModel b = priced(comparison.modelB(), comparison.routesB());
        MonthlyCost cost = Calculator.monthlyCost(a, b, profile, levels(comparison));
        return comparison.atWorkload(cost, Calculator.routeCosts(a, profile), Calculator.routeCosts(b, profile));
    }

    /** One model of the comparison, its routes and cost as the comparison publishes them; null without a cost section. */
    public static ModelPricing model(Comparison comparison, String modelId) {
        if (comparison.monthlyCost() == null) {
            return null;
        }
        boolean isA = comparison.modelA().id().equals(modelId);
        MonthlyCost cost = comparison.monthlyCost();
        ModelCost modelCost = cost.models().stream().filter(model -> model.modelId().equals(modelId)).findFirst()
                .orElse(new ModelCost(modelId, null, null, null, null, null, null));
        List<CostPoint> curve = cost.curve().stream()
                .map(point -> new CostPoint(point.requestsPerMonth(), isA ? point.modelAUsd() : point.modelBUsd(), null))
                .toList();
        return new ModelPricing(cost.profile(), isA ? comparison.routesA() : comparison.routesB(), modelCost, curve,
                isA ? comparison.historyA() : comparison.historyB());
    }

    /** One model of the comparison at {@code profile}; null without a cost section. */
    public static ModelPricing model(Comparison comparison, String modelId, TrafficProfile profile) {
        if (comparison.monthlyCost() == null) {
            return null;
        }
        boolean isA = comparison.modelA().id().equals(modelId);
        PricedModel model = isA ? priced(comparison.modelA(), comparison.routesA())
                : priced(comparison.modelB(), comparison.routesB());
        return new ModelPricing(profile, Calculator.routeCosts(model, profile), Calculator.modelCost(model, profile),
                Calculator.curve(model, profile, levels(comparison)), isA ? comparison.historyA() : comparison.historyB());
    }

    private static PricedModel priced(ModelSummary model, List<RouteCost> routes) {
        return PricedModel.of(model.id(), model.name(), model.contextWindow(), routes);
    }

    private static List<Long> levels(Comparison comparison) {
        return comparison.monthlyCost() == null ? List.of()
                : comparison.monthlyCost().curve().stream().map(CostPoint::requestsPerMonth).toList();
    }
}
