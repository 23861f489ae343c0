package org.llmreference.contracts.comparison;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What moving production traffic from one model to the other involves. */
public record SwitchFriction(
        @JsonProperty(required = true) String fromModelId,
        @JsonProperty(required = true) String toModelId,
        @JsonProperty(required = true) List<String> bullets) {

    public SwitchFriction {
        bullets = bullets == null ? List.of() : List.copyOf(bullets);
    }
}
