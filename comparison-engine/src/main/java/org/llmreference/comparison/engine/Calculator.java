package org.llmreference.comparison.engine;

import java.util.List;

import org.llmreference.contracts.comparison.CostPoint;
import org.llmreference.contracts.comparison.ModelCost;
import org.llmreference.contracts.comparison.MonthlyCost;
import org.llmreference.contracts.comparison.RouteCost;
import org.llmreference.contracts.comparison.TrafficProfile;

/**
 * The cost rules of the comparison engine, for anyone who prices a workload other than the page's:
 * the very code the engine computes "Monthly cost at traffic" and the route tables with, so a
 * visitor's workload gives the figures the engine would have published for it.
 */
public final class Calculator {

    private Calculator() {
    }

    /** The "Monthly cost at traffic" section of two models at {@code profile}, the curve at {@code curveRequests}. */
    public static MonthlyCost monthlyCost(PricedModel a, PricedModel b, TrafficProfile profile, List<Long> curveRequests) {
        return MonthlyCosts.compare(a, b, profile, curveRequests);
    }

    /** One model's monthly cost: its cheapest input route plus its cheapest output route. */
    public static ModelCost modelCost(PricedModel model, TrafficProfile profile) {
        return MonthlyCosts.costOf(model, profile);
    }

    /** One model's costs across the traffic levels ({@link CostPoint#modelBUsd()} absent). */
    public static List<CostPoint> curve(PricedModel model, TrafficProfile profile, List<Long> curveRequests) {
        return MonthlyCosts.curve(model, null, profile, curveRequests);
    }

    /** Every route of the model at {@code profile}, cheapest first, the cheapest that fits marked. */
    public static List<RouteCost> routeCosts(PricedModel model, TrafficProfile profile) {
        return MonthlyCosts.routeCosts(model, profile);
    }
}
