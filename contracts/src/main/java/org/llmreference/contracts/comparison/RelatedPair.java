package org.llmreference.contracts.comparison;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A link under "Continue comparing". */
public record RelatedPair(
        @JsonProperty(required = true) String pairId,
        @JsonProperty(required = true) String title) {
}
