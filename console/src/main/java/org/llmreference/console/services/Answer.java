package org.llmreference.console.services;

import tools.jackson.databind.JsonNode;

/**
 * A successful (2xx) answer of a service: its status, its JSON body (a missing node when there was
 * none) and its {@code ETag}, if any.
 */
public record Answer(int status, JsonNode body, String etag) {
}
