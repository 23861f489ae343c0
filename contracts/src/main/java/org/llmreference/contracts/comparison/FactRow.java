package org.llmreference.contracts.comparison;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A labelled row with one cell per model (A, then B). */
public record FactRow(
        @JsonProperty(required = true) String label,
        @JsonProperty(required = true) Fact a,
        @JsonProperty(required = true) Fact b) {
}
