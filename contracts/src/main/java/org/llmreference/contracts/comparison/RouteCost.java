package org.llmreference.contracts.comparison;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import org.llmreference.contracts.pricing.RouteTerms;
import org.llmreference.contracts.pricing.UpstreamSource;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param upstream   where an imported route's terms were read upstream (the provider's model id, the
 *                   source file at its commit, the variants folded into it); absent for a route
 *                   entered by an editor
 */
public record RouteCost(
        @JsonProperty(required = true) String providerId,
        @JsonProperty(required = true) String providerName,
        @JsonProperty(required = true) RouteTerms terms,
        BigDecimal monthlyUsd,
        boolean cheapest,
        List<RouteUnfit> unfit,
        @JsonInclude(JsonInclude.Include.NON_NULL) UpstreamSource upstream) {

    /** A route without an upstream source. */
    public RouteCost(String providerId, String providerName, RouteTerms terms, BigDecimal monthlyUsd, boolean cheapest,
            List<RouteUnfit> unfit) {
        this(providerId, providerName, terms, monthlyUsd, cheapest, unfit, null);
    }

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
