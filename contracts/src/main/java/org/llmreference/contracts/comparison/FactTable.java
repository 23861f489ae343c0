package org.llmreference.contracts.comparison;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A two-model table; {@code emptyNote} is shown instead when it has no rows. */
public record FactTable(
        @JsonProperty(required = true) String caption,
        @JsonProperty(required = true) String rowHeader,
        List<FactRow> rows,
        String emptyNote) {

    public FactTable {
        rows = rows == null ? List.of() : List.copyOf(rows);
    }
}
