package org.llmreference.contracts;

/**
 * The payload of an event: the aggregate's full state after the change (a snapshot) plus what changed.
 * Each topic has a sealed family of payloads, so a handler is an exhaustive {@code switch}.
 */
public interface EventPayload {
}
