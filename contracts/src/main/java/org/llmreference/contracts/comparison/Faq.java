package org.llmreference.contracts.comparison;

import com.fasterxml.jackson.annotation.JsonProperty;

public record Faq(
        @JsonProperty(required = true) String question,
        @JsonProperty(required = true) String answer) {
}
