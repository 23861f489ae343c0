package org.llmreference.contracts.comparison;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * "{safer} is safer overall; choose {alternative} when {alternativeDimension} matters."
 *
 * @param dimensions the weighted per-dimension table that produced the verdict
 */
public record Verdict(
        @JsonProperty(required = true) String saferModelId,
        @JsonProperty(required = true) String alternativeModelId,
        String alternativeDimension,
        @JsonProperty(required = true) String sentence,
        List<DimensionScore> dimensions) {

    public Verdict {
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
    }
}
