package org.llmreference.contracts.comparison;

import java.util.function.Function;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A pair's comparison was computed and its content differs from the last one published.
 *
 * @param contentHash     hash over the computed content (not the event), to tell real changes apart
 * @param changedSections which sections differ from the previous revision (empty for the first one)
 */
public record ComparisonChanged(
        @JsonProperty(required = true) Comparison comparison,
        @JsonProperty(required = true) String contentHash,
        @JsonProperty(required = true) List<String> changedSections) implements ComparisonEvent {

    public ComparisonChanged {
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(contentHash, "contentHash");
        changedSections = changedSections == null ? List.of() : List.copyOf(changedSections);
    }

    @Override
    public String pairId() {
        return comparison.pairId();
    }

    @Override
    public <R> R match(Function<? super ComparisonChanged, ? extends R> changed,
            Function<? super ComparisonWithdrawn, ? extends R> withdrawn) {
        return changed.apply(this);
    }
}
