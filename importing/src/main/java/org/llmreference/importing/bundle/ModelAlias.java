package org.llmreference.importing.bundle;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Another id of a model: an id the importer joined to the model's entry ({@code claude-opus4-6} of
 * {@code claude-opus-4-6}), or a provider's spelling of its id ({@code anthropic--claude-4.5-sonnet}
 * of {@code claude-sonnet-4-5}). Its page address should answer with a permanent redirect to the
 * model's page, and it is never a model of its own.
 *
 * @param id      the alias, a slug
 * @param modelId the canonical id of the model it names
 */
public record ModelAlias(@JsonProperty(required = true) String id, @JsonProperty(required = true) String modelId) {
}
