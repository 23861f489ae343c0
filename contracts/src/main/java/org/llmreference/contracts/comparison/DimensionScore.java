package org.llmreference.contracts.comparison;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One row of the verdict's table: a dimension, its weight, each model's score on it and why. */
public record DimensionScore(
        @JsonProperty(required = true) String dimension,
        @JsonProperty(required = true) BigDecimal weight,
        BigDecimal scoreA,
        BigDecimal scoreB,
        String reason) {
}
