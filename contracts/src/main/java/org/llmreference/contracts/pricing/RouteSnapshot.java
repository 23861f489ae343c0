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
 * @param upstream      optional: where an imported route's terms were read upstream; absent for routes
 *                      an editor set, and left out of the JSON then
 * @param effectiveFrom when this price came into force
 * @param history       the route's dated prices, oldest first, the last one being the prices in
 *                      force; empty (and left out of the JSON) when the publisher does not say
 */
public record RouteSnapshot(
        @JsonProperty(required = true) String providerId,
        @JsonProperty(required = true) String providerName,
        @JsonUnwrapped RouteTerms terms,
        @JsonInclude(JsonInclude.Include.NON_NULL) UpstreamSource upstream,
        Instant effectiveFrom,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<PriceStep> history) {

    public RouteSnapshot {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(providerName, "providerName");
        Objects.requireNonNull(terms, "terms");
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** A route without an upstream source or dated prices. */
    public RouteSnapshot(String providerId, String providerName, RouteTerms terms, Instant effectiveFrom) {
        this(providerId, providerName, terms, null, effectiveFrom, null);
    }

    /** A route without its dated prices. */
    public RouteSnapshot(String providerId, String providerName, RouteTerms terms, UpstreamSource upstream,
            Instant effectiveFrom) {
        this(providerId, providerName, terms, upstream, effectiveFrom, null);
    }

    /** A route without an upstream source. */
    public RouteSnapshot(String providerId, String providerName, RouteTerms terms, Instant effectiveFrom,
            List<PriceStep> history) {
        this(providerId, providerName, terms, null, effectiveFrom, history);
    }
}
