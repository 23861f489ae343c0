package org.llmreference.importing.modelsdev;

import java.util.List;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code base_model} and the legacy {@code [extends]} of a provider model file, merged in with a
 * deep merge where the file's own values win, over any tree: a checkout on disk ({@link SourceTree})
 * or a commit of the repository's history ({@link ModelsDevHistory}).
 */
final class Inheritance {

    static final int MAX_DEPTH = 5;

    /** The files inheritance reads. */
    interface Lookup {

        /** {@code models/<lab>/<id>.toml} by its full id {@code lab/id}, parsed; null when absent. */
        ObjectNode metadata(String fullId);

        /** {@code providers/<provider>/models/<modelId>.toml}, symlinks followed, parsed; null when absent or unreadable. */
        ObjectNode providerFile(String providerId, String modelId);
    }

    /** The file after inheritance; {@code via} is {@code file}, {@code base_model} or {@code extends}. */
    record Resolved(ObjectNode data, String baseModel, String via) {
    }

    private Inheritance() {
    }

    /**
     * @param skip told why an inheritance could not be followed (the file is kept without it)
     */
    static Resolved resolve(ObjectNode raw, Lookup lookup, Consumer<String> skip) {
        return resolve(raw, lookup, skip, 0);
    }

    private static Resolved resolve(ObjectNode raw, Lookup lookup, Consumer<String> skip, int depth) {
        String baseModel = TomlNodes.text(raw, "base_model");
        if (baseModel != null) {
            ObjectNode own = TomlNodes.omit(raw, List.of("base_model", "base_model_omit"));
            ObjectNode base = lookup.metadata(baseModel);
            if (base == null) {
                skip.accept("base_model target missing (file kept without it)");
                return new Resolved(own, null, "file");
            }
            ObjectNode inherited = TomlNodes.omit(base, TomlNodes.strings(raw, "base_model_omit"));
            return new Resolved(TomlNodes.deepMerge(inherited, own), baseModel, "base_model");
        }
        JsonNode extendsTable = raw.get("extends");
        String from = TomlNodes.text(extendsTable, "from");
        if (from != null) {
            ObjectNode own = TomlNodes.omit(raw, List.of("extends"));
            int slash = from.indexOf('/');
            ObjectNode targetRaw = slash < 0 || depth >= MAX_DEPTH ? null
                    : lookup.providerFile(from.substring(0, slash), from.substring(slash + 1));
            if (targetRaw == null) {
                skip.accept("[extends] target missing (file kept without it)");
                return new Resolved(own, null, "file");
            }
            Resolved parent = resolve(targetRaw, lookup, skip, depth + 1);
            ObjectNode inherited = TomlNodes.omit(parent.data(), TomlNodes.strings(extendsTable, "omit"));
            return new Resolved(TomlNodes.deepMerge(inherited, own), parent.baseModel(), "extends");
        }
        return new Resolved(raw, null, "file");
    }
}
