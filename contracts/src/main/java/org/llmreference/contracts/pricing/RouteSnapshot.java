package org.llmreference.contracts.pricing;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * One provider's offer of a model, as in force now: the provider, its {@link RouteTerms terms}
 * (written flat into the JSON, next to the provider's ids) and when they came into force.
 *
 * @param providerName  display name of the provider, e.g. {@code OpenRouter}
 * @param effectiveFrom when this price came into force
 */
public record RouteSnapshot(
        @JsonProperty(required = true) String providerId,
        @JsonProperty(required = true) String providerName,
        @JsonUnwrapped RouteTerms terms,
        Instant effectiveFrom) {

    public RouteSnapshot {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(providerName, "providerName");
        Objects.requireNonNull(terms, "terms");
    }
}
