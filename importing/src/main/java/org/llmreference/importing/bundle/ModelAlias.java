package org.llmreference.importing.bundle;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Another id of a model: an id the same model had as an entry of its own before the importer joined
 * them ({@code claude-opus4-6} of {@code claude-opus-4-6}). Its page address should answer with a
 * permanent redirect to the model's page, and it is never a model of its own.
 *
 * @param id      the alias, a slug
 * @param modelId the canonical id of the model it names
 */
public record ModelAlias(@JsonProperty(required = true) String id, @JsonProperty(required = true) String modelId) {
}
