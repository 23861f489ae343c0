package org.llmreference.contracts.comparison;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * "{safer} is safer overall; choose {alternative} when {alternativeDimension} matters."
 *
 * @param dimensions the weighted per-dimension table that produced the verdict
 * @param totalA     model A's weighted score, 0 to 100, over the dimensions scored for both
 * @param totalB     model B's weighted score, 0 to 100
 */
public record Verdict(
        @JsonProperty(required = true) String saferModelId,
        @JsonProperty(required = true) String alternativeModelId,
        String alternativeDimension,
        @JsonProperty(required = true) String sentence,
        List<DimensionScore> dimensions,
        BigDecimal totalA,
        BigDecimal totalB) {

    public Verdict {
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
    }
}
