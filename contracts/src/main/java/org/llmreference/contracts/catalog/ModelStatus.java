package org.llmreference.contracts.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a model is in its life. */
public enum ModelStatus {
    @JsonProperty("active") ACTIVE,
    @JsonProperty("deprecated") DEPRECATED,
    @JsonProperty("retired") RETIRED
}
