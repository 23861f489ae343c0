package org.llmreference.contracts.comparison;

import java.util.function.Function;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The pair no longer has a page (a model was retired, or the pair left the graph). */
public record ComparisonWithdrawn(
        @JsonProperty(required = true) String pairId,
        @JsonProperty(required = true) String modelAId,
        @JsonProperty(required = true) String modelBId,
        @JsonProperty(required = true) String reason) implements ComparisonEvent {

    public ComparisonWithdrawn {
        Objects.requireNonNull(pairId, "pairId");
        Objects.requireNonNull(modelAId, "modelAId");
        Objects.requireNonNull(modelBId, "modelBId");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public <R> R match(Function<? super ComparisonChanged, ? extends R> changed,
            Function<? super ComparisonWithdrawn, ? extends R> withdrawn) {
        return withdrawn.apply(this);
    }
}
