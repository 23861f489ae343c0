package org.llmreference.contracts.comparison;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * "Monthly cost at traffic": the profile assumed, each model's cost, and the delta when both have one.
 *
 * @param deltaUsd  cost of model B minus cost of model A; absent when either is unavailable
 * @param deltaNote what the page says about the delta
 * @param curve     both costs across traffic levels
 */
public record MonthlyCost(
        @JsonProperty(required = true) TrafficProfile profile,
        @JsonProperty(required = true) List<ModelCost> models,
        BigDecimal deltaUsd,
        String deltaNote,
        List<CostPoint> curve) {

    public MonthlyCost {
        models = models == null ? List.of() : List.copyOf(models);
        curve = curve == null ? List.of() : List.copyOf(curve);
    }
}
