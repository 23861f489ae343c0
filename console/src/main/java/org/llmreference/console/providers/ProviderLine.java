package org.llmreference.console.providers;

/** One provider in the list. */
public record ProviderLine(String id, String name, String url) {
}
