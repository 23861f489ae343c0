package org.llmreference.importing.modelsdev;

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
 * @param skipped                 items skipped or dropped, by reason
 */
public record ReadCounts(int filesRead, int symlinksFollowed, int danglingSymlinks, int providers, int models,
        int routes, int baseClaimsRejected, int variantRoutesFolded, Map<String, Integer> skipped, long millis) {

    public ReadCounts {
        skipped = Map.copyOf(skipped);
    }

    /** One paragraph for a console. */
    public String summary() {
        StringBuilder text = new StringBuilder()
                .append("models.dev: ").append(filesRead).append(" files read, ")
                .append(symlinksFollowed).append(" symlinks followed, ").append(danglingSymlinks).append(" dangling; ")
                .append(models).append(" models, ").append(routes).append(" routes, ").append(providers).append(" providers; ")
                .append(baseClaimsRejected).append(" base_model claims not used for grouping, ")
                .append(variantRoutesFolded).append(" variant files folded into one route per model and provider; ")
                .append(millis).append(" ms");
        new TreeMap<>(skipped).forEach((reason, count) ->
                text.append(System.lineSeparator()).append("  skipped: ").append(count).append(" × ").append(reason));
        return text.toString();
    }
}
