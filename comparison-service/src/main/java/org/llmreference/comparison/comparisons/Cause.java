package org.llmreference.comparison.comparisons;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.llmreference.contracts.Envelope;

/**
 * The edit that started a chain: every comparison event it leads to carries its {@code causedBy},
 * {@code occurredAt} and type ({@code causeType}) unchanged, so the delay from edit to page can be
 * measured, per kind of edit.
 *
 * @param type the event type of the edit ({@code pricing.RouteChanged.v1}, ...), or what this
 *             service started itself: {@value #CURATION} or {@value #RECONCILIATION}
 */
public record Cause(String causedBy, Instant occurredAt, String type) {

    /** An editor curated or uncurated a pair through this service. */
    public static final String CURATION = "comparison.PairCuration";
    /** The reconciliation at start, or a full recomputation. */
    public static final String RECONCILIATION = "comparison.Reconciliation";

    public Cause {
        Objects.requireNonNull(causedBy, "causedBy");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(type, "type");
    }

    public static Cause of(Envelope<?> event) {
        return new Cause(event.causedBy(), event.occurredAt(), event.chainStartType());
    }

    /** A chain this service starts itself (an editor curating a pair, a reconciliation at start). */
    public static Cause startingNow(Instant now, String type) {
        return new Cause(UUID.randomUUID().toString(), now, type);
    }
}
