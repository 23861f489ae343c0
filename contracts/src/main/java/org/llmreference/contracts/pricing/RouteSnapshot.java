package org.llmreference.contracts.pricing;

import java.time.Instant;
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
 */
public record RouteSnapshot(
        @JsonProperty(required = true) String providerId,
        @JsonProperty(required = true) String providerName,
        @JsonUnwrapped RouteTerms terms,
        @JsonInclude(JsonInclude.Include.NON_NULL) UpstreamSource upstream,
        Instant effectiveFrom) {

    public RouteSnapshot {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(providerName, "providerName");
        Objects.requireNonNull(terms, "terms");
    }

    /** A route without an upstream source. */
    public RouteSnapshot(String providerId, String providerName, RouteTerms terms, Instant effectiveFrom) {
        this(providerId, providerName, terms, null, effectiveFrom);
    }
}
