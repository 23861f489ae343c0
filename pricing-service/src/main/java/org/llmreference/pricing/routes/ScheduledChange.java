package org.llmreference.pricing.routes;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A route that replaces the provider's current one at {@code effectiveFrom}; until then it is
 * stored but not published.
 */
public record ScheduledChange(UUID id, String providerId, Route route, Instant effectiveFrom, Instant requestedAt) {

    public ScheduledChange {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    public String sourceUrl() {
        return route.sourceUrl();
    }
}
