package org.llmreference.pricing.providers;

/**
 * A provider was stored under this display name (new, renamed, or confirmed unchanged). Price lists
 * that still show another name for its routes follow it. {@code causedBy} is the correlation id
 * their events carry.
 */
public record ProviderNamed(String providerId, String name, String causedBy) {
}
