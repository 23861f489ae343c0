package org.llmreference.comparison.comparisons;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.llmreference.contracts.Envelope;

/**
 * The edit that started a chain: every comparison event it leads to carries its {@code causedBy}
 * and {@code occurredAt} unchanged, so the delay from edit to page can be measured.
 */
public record Cause(String causedBy, Instant occurredAt) {

    public Cause {
        Objects.requireNonNull(causedBy, "causedBy");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    public static Cause of(Envelope<?> event) {
        return new Cause(event.causedBy(), event.occurredAt());
    }

    /** A chain this service starts itself (an editor curating a pair, a reconciliation at start). */
    public static Cause startingNow(Instant now) {
        return new Cause(UUID.randomUUID().toString(), now);
    }
}
