package org.llmreference.importing.bundle;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A provider of routes: {@code {"id": "openrouter", "name": "OpenRouter", "url": "https://openrouter.ai"}}. */
public record ProviderEntry(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) String name,
        String url) {
}
