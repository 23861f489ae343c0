package org.llmreference.pricing.routes;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A route that replaces the provider's current one at {@code effectiveFrom}; until then it is
 * stored but not published.
 *
 * @param requestedBy the account id of the editor who scheduled it (the author of its application);
 *                    null for changes scheduled before it was recorded
 * @param reason      the reason the editor gave, if any
 */
public record ScheduledChange(UUID id, String providerId, Route route, Instant effectiveFrom, Instant requestedAt,
        String requestedBy, String reason) {

    /** A change whose author is not recorded. */
    public ScheduledChange(UUID id, String providerId, Route route, Instant effectiveFrom, Instant requestedAt) {
        this(id, providerId, route, effectiveFrom, requestedAt, null, null);
    }

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
