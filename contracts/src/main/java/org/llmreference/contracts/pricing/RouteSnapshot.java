package org.llmreference.contracts.pricing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * One provider's offer of a model, as in force now: the provider, its {@link RouteTerms terms}
 * (written flat into the JSON, next to the provider's ids) and when they came into force.
 *
 * @param providerName  display name of the provider, e.g. {@code OpenRouter}
 * @param effectiveFrom when this price came into force
 * @param history       the route's dated prices, oldest first, the last one being the prices in
 *                      force; empty (and left out of the JSON) when the publisher does not say
 */
public record RouteSnapshot(
        @JsonProperty(required = true) String providerId,
        @JsonProperty(required = true) String providerName,
        @JsonUnwrapped RouteTerms terms,
        Instant effectiveFrom,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<PriceStep> history) {

    public RouteSnapshot {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(providerName, "providerName");
        Objects.requireNonNull(terms, "terms");
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** A route without its dated prices. */
    public RouteSnapshot(String providerId, String providerName, RouteTerms terms, Instant effectiveFrom) {
        this(providerId, providerName, terms, effectiveFrom, null);
    }
}
