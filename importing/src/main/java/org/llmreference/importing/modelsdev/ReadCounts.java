package org.llmreference.importing.modelsdev;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one read of a models.dev checkout found.
 *
 * @param filesRead               TOML files parsed (provider, model and metadata files)
 * @param symlinksFollowed        provider model files that are symlinks to another provider's file
 * @param danglingSymlinks        symlinks whose target is missing (skipped)
 * @param baseClaimsRejected      {@code base_model} claims not used for grouping (the provider's id names something else)
 * @param variantRoutesFolded     provider files dropped because the provider has a better file for the same model
 * @param aliases                 ids joined to another model's entry (kept as aliases of it)
 * @param placeholdersDropped     the ids of the routers and placeholders kept out of the catalog
 * @param skipped                 items skipped or dropped, by reason
 */
public record ReadCounts(int filesRead, int symlinksFollowed, int danglingSymlinks, int providers, int models,
        int routes, int baseClaimsRejected, int variantRoutesFolded, int aliases, List<String> placeholdersDropped,
        Map<String, Integer> skipped, long millis) {

    public ReadCounts {
        placeholdersDropped = List.copyOf(placeholdersDropped);
        skipped = Map.copyOf(skipped);
    }

    /** One paragraph for a console. */
    public String summary() {
        StringBuilder text = new StringBuilder()
                .append("models.dev: ").append(filesRead).append(" files read, ")
                .append(symlinksFollowed).append(" symlinks followed, ").append(danglingSymlinks).append(" dangling; ")
                .append(models).append(" models, ").append(routes).append(" routes, ").append(providers).append(" providers; ")
                .append(baseClaimsRejected).append(" base_model claims not used for grouping, ")
                .append(variantRoutesFolded).append(" variant files folded into one route per model and provider, ")
                .append(aliases).append(" ids kept as aliases of another model; ")
                .append(millis).append(" ms");
        new TreeMap<>(skipped).forEach((reason, count) ->
                text.append(System.lineSeparator()).append("  skipped: ").append(count).append(" × ").append(reason));
        if (!placeholdersDropped.isEmpty()) {
            text.append(System.lineSeparator()).append("  routers and placeholders kept out: ")
                    .append(String.join(", ", placeholdersDropped));
        }
        return text.toString();
    }
}
