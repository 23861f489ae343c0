package org.llmreference.pricing.routes.sync;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.llmreference.contracts.pricing.RouteTerms;
import org.llmreference.pricing.routes.Provenance;

/**
 * An upstream change the sync did not apply to a route because an editor changed the same terms on
 * our side after the upstream value last applied. It is listed until an editor resolves it.
 *
 * @param fields    the terms in conflict, each with our value and upstream's
 * @param upstream  the upstream route as the sync read it (to apply when an editor accepts it)
 * @param state     {@code open}, or {@code kept-ours} once an editor chose our values for this upstream value
 */
public record SyncConflict(String modelId, String providerId, List<Field> fields, RouteTerms upstream,
        Provenance provenance, Instant detectedAt, String state) {

    public static final String OPEN = "open";
    public static final String KEPT_OURS = "kept-ours";

    /** One term in conflict; values as text ({@code null}: not given). */
    public record Field(String field, String ours, String upstream) {
    }

    public SyncConflict {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(upstream, "upstream");
        fields = List.copyOf(fields);
    }

    public List<String> fieldNames() {
        return fields.stream().map(Field::field).toList();
    }
}
