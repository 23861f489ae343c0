package org.llmreference.contracts.pricing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where an imported route's terms were read upstream (models.dev), so each figure can be traced to
 * the file it came from.
 *
 * @param providerModelId the provider's own model id upstream, e.g. {@code openai/gpt-oss-20b:free}
 * @param path            the source file inside the upstream repository, e.g.
 *                        {@code providers/openrouter/models/openai/gpt-oss-20b.toml}
 * @param commit          the upstream commit the file was read at; absent when the tree was not a git checkout
 * @param committedAt     that commit's date; absent with it
 * @param alsoFolded      the other upstream files of the same provider and model folded into this route
 *                        ({@code -flex}, {@code :free}, regional and dated variants), by path; empty when none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UpstreamSource(
        @JsonProperty(required = true) String providerModelId,
        @JsonProperty(required = true) String path,
        String commit,
        Instant committedAt,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> alsoFolded) {

    public UpstreamSource {
        Objects.requireNonNull(providerModelId, "providerModelId");
        Objects.requireNonNull(path, "path");
        alsoFolded = alsoFolded == null ? List.of() : List.copyOf(alsoFolded);
    }
}
