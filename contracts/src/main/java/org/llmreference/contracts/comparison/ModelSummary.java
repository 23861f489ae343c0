package org.llmreference.contracts.comparison;

import java.time.LocalDate;

import org.llmreference.contracts.catalog.ModelStatus;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Who is compared: enough to title, link and introduce the model.
 *
 * @param retiresOn   when a deprecated model is due to be retired (optional within v1)
 * @param successorId the model that replaces this one (optional within v1)
 */
public record ModelSummary(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) String name,
        String vendor,
        Integer releaseYear,
        Integer contextWindow,
        ModelStatus status,
        LocalDate retiresOn,
        String successorId) {

    /** A summary without retirement facts, as before they travelled. */
    public ModelSummary(String id, String name, String vendor, Integer releaseYear, Integer contextWindow,
            ModelStatus status) {
        this(id, name, vendor, releaseYear, contextWindow, status, null, null);
    }
}
