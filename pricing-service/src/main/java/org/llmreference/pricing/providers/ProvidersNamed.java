package org.llmreference.pricing.providers;

import java.util.Map;

/**
 * Providers were stored under these display names (new, renamed, or confirmed unchanged): one
 * provider for an editor's put, all of them for an import. Price lists that still show another
 * name for one of their routes follow it. {@code causedBy} is the correlation id their events carry.
 */
public record ProvidersNamed(Map<String, String> namesById, String causedBy) {

    public ProvidersNamed {
        namesById = Map.copyOf(namesById);
    }
}
