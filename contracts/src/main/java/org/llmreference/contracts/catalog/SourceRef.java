package org.llmreference.contracts.catalog;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a fact comes from, and when someone last checked it there. */
public record SourceRef(
        @JsonProperty(required = true) String title,
        String url,
        LocalDate reviewedAt) {
}
