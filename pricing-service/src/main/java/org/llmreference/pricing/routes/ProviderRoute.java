package org.llmreference.pricing.routes;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.llmreference.contracts.pricing.PriceStep;
import org.llmreference.contracts.pricing.RouteSnapshot;

/** A route in force: the provider, its display name, the route and when it came into force. */
public record ProviderRoute(String providerId, String providerName, Route route, Instant effectiveFrom) {

    public ProviderRoute {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(providerName, "providerName");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
    }

    public RouteSnapshot toSnapshot() {
        return route.toSnapshot(providerId, providerName, effectiveFrom);
    }

    /** The route as published, with its dated prices (oldest first). */
    public RouteSnapshot toSnapshot(List<PriceStep> history) {
        return route.toSnapshot(providerId, providerName, effectiveFrom, history);
    }
}
