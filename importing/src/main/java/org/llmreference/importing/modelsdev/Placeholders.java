package org.llmreference.importing.modelsdev;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Routers and placeholders: entries a provider lists as a model that are no model of their own,
 * such as OpenRouter's {@code auto} (Auto Router) or llmgateway's {@code custom} (Custom Model).
 * They pick or stand for other models, so a comparison page against one compares nothing. The
 * importer keeps them out of the catalog and lists them in its counts.
 *
 * <p>An entry is one when its name says router or auto-selection ("Auto Router", "Switchpoint
 * Router", "Kilo Auto Small", "Auto model (Basic)"), when its match key is one of the placeholder
 * words ({@code auto}, {@code custom}, {@code free}, ...), or when it is one of the few named
 * routing or search products ({@code fusion}, {@code bodybuilder}, {@code brave}, {@code route-llm}).
 */
final class Placeholders {

    private static final Set<String> KEYS = Set.of("auto", "router", "free", "custom", "small", "balanced", "frontier",
            "default", "fusion", "bodybuilder", "route-llm", "model-router", "coding-router", "pareto-code");
    private static final Pattern KEY_FAMILIES = Pattern.compile("^(auto-model|brave)(-|$)");
    private static final Pattern NAMES = Pattern.compile("\\brouter\\b|\\bauto\\b|^custom model$|\\bauto model\\b");

    private Placeholders() {
    }

    /**
     * @param key   the model's match key
     * @param name  its display name, or null
     */
    static boolean isPlaceholder(String key, String name) {
        return KEYS.contains(key) || KEY_FAMILIES.matcher(key).find()
                || (name != null && NAMES.matcher(name.toLowerCase(Locale.ROOT)).find());
    }
}
