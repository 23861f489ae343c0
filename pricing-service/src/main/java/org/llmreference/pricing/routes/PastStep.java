package org.llmreference.pricing.routes;

import java.time.Instant;
import java.util.Objects;

import org.llmreference.pricing.routes.HistoryEntry.Kind;

/**
 * One dated change of a route read from upstream's history: the route's values in force from
 * {@code at} ({@link Kind#APPLIED}), or its withdrawal at {@code at} with its last values
 * ({@link Kind#WITHDRAWN}); {@code commit} and {@code path} say where upstream.
 */
public record PastStep(String providerId, Kind kind, Route route, Instant at, String commit, String path) {

    public PastStep {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(path, "path");
        if (kind != Kind.APPLIED && kind != Kind.WITHDRAWN) {
            throw new IllegalArgumentException("a past step is applied or withdrawn, not " + kind);
        }
    }

    /** What identifies the step: a route changes at most once per commit. */
    String key() {
        return providerId + "@" + commit;
    }
}
