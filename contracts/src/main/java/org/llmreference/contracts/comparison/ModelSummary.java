package org.llmreference.contracts.comparison;

import org.llmreference.contracts.catalog.ModelStatus;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who is compared: enough to title, link and introduce the model. */
public record ModelSummary(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) String name,
        String vendor,
        Integer releaseYear,
        Integer contextWindow,
        ModelStatus status) {
}
