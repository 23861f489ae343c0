package org.llmreference.contracts.comparison;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** "Choose {model} when..." and its bullets. */
public record Tradeoff(
        @JsonProperty(required = true) String modelId,
        @JsonProperty(required = true) List<String> bullets) {

    public Tradeoff {
        bullets = bullets == null ? List.of() : List.copyOf(bullets);
    }
}
