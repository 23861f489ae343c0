package org.llmreference.contracts.imports;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A bulk import run took another chunk of models (or started, or finished): the run's whole state.
 *
 * @param importId   the run's id (also the record key)
 * @param source     what is being loaded, as the importer named it (e.g. {@code models.dev@1a2b3c4})
 * @param expected   how many models the run will send
 * @param stored     how many of them catalog-service has processed so far (stored, unchanged or rejected)
 * @param startedAt  when the run started
 * @param updatedAt  when the run last moved (a run that stops moving has stalled)
 * @param finishedAt when every expected model was processed; absent while the run goes on
 */
public record ImportProgressed(
        @JsonProperty(required = true) String importId,
        String source,
        @JsonProperty(required = true) long expected,
        @JsonProperty(required = true) long stored,
        @JsonProperty(required = true) Instant startedAt,
        @JsonProperty(required = true) Instant updatedAt,
        Instant finishedAt) implements ImportEvent {

    public ImportProgressed {
        Objects.requireNonNull(importId, "importId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (expected < 0 || stored < 0) {
            throw new IllegalArgumentException("expected and stored must not be negative");
        }
    }

    /** {@code true} once the run has processed every model it announced. */
    public boolean finished() {
        return finishedAt != null;
    }

    @Override
    public <R> R match(Function<? super ImportProgressed, ? extends R> progressed) {
        return progressed.apply(this);
    }
}
