package org.llmreference.contracts.comparison;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import org.llmreference.contracts.pricing.RouteTerms;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One provider route of a model, priced at the page's workload: the route's terms as the price list
 * has them (never its price history), what a month of the workload costs on this route alone, and
 * whether the route can serve the workload.
 *
 * @param monthlyUsd this route's input and output cost, rounded once to cents; absent when the route
 *                   lacks an input or output price the workload needs
 * @param cheapest   the lowest {@code monthlyUsd} among the model's routes that can serve the workload
 *                   (the earlier in the price list on a tie)
 * @param unfit      why the route cannot serve the workload, in this order; empty when it can
 */
public record RouteCost(
        @JsonProperty(required = true) String providerId,
        @JsonProperty(required = true) String providerName,
        @JsonProperty(required = true) RouteTerms terms,
        BigDecimal monthlyUsd,
        boolean cheapest,
        List<RouteUnfit> unfit) {

    public RouteCost {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(providerName, "providerName");
        Objects.requireNonNull(terms, "terms");
        unfit = unfit == null ? List.of() : List.copyOf(unfit);
    }

    /** Whether the route can serve the workload. */
    public boolean fits() {
        return unfit.isEmpty();
    }
}
