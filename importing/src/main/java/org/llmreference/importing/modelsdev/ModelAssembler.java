package org.llmreference.importing.modelsdev;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.llmreference.contracts.catalog.Benchmark;
import org.llmreference.contracts.catalog.Capabilities;
import org.llmreference.contracts.catalog.Modalities;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.catalog.ModelStatus;
import org.llmreference.contracts.catalog.SourceRef;

import tools.jackson.databind.JsonNode;

/**
 * Builds one catalog model from its files, taking each spec from one source in priority order: the
 * {@code models/} metadata file, the creator's own API route, the most common value across all
 * routes (ties go to the larger number for limits). Context and output limits come together from
 * one source.
 */
final class ModelAssembler {

    private static final Set<String> INDEPENDENT_BENCHMARK_HOSTS = Set.of("artificialanalysis.ai", "labs.scale.com",
            "aider.chat", "www.swebench.com", "swebench.com", "openrouter.ai");
    private static final Set<String> LAB_BENCHMARK_HOSTS = Set.of("www.anthropic.com", "mistral.ai",
            "console.sakana.ai", "huggingface.co");

    private final List<JsonNode> metadata;
    private final JsonNode creatorRoute;
    private final List<JsonNode> preferred;
    private final List<JsonNode> all;

    /**
     * @param metadata     the {@code models/} files of the model, first source for every field
     * @param creatorRoute the creator's own API route, second source, or null
     * @param all          every route's (inherited) data, for the most common value
     */
    ModelAssembler(List<JsonNode> metadata, JsonNode creatorRoute, List<JsonNode> all) {
        this.metadata = metadata;
        this.creatorRoute = creatorRoute;
        this.preferred = new ArrayList<>(metadata);
        if (creatorRoute != null) {
            preferred.add(creatorRoute);
        }
        this.all = all;
    }

    /**
     * A model's token limits. An output limit above the context window is an upstream data error
     * (the catalog refuses it), so it is dropped as unknown rather than losing the whole model.
     */
    record Limits(Integer context, Integer output) {

        Limits {
            if (context != null && output != null && output > context) {
                output = null;
            }
        }
    }

    record Mods(List<String> input, List<String> output) {
    }

    /**
     * @param nameOnlyInherited the only name the files give comes from a {@code base_model} their ids
     *                          contradict: it names another model, so the id is shown instead
     */
    ModelSnapshot build(String id, String vendor, LocalDate dataDate, boolean nameOnlyInherited) {
        Limits limits = limits();
        Mods mods = pick(this::modalities, Comparator.comparing(Mods::toString).reversed());
        List<String> input = mods == null ? List.of() : mods.input();
        List<String> output = mods == null ? List.of() : mods.output();
        Boolean vision = mods == null ? null : input.contains("image");
        Boolean multimodal = mods == null ? null : input.stream().anyMatch(m -> !m.equals("text"));
        Boolean toolCall = pick(n -> TomlNodes.bool(n, "tool_call"), Comparator.<Boolean>naturalOrder());
        Capabilities capabilities = new Capabilities(vision, multimodal,
                pick(n -> TomlNodes.bool(n, "reasoning"), Comparator.<Boolean>naturalOrder()),
                toolCall, toolCall,
                pick(n -> TomlNodes.bool(n, "structured_output"), Comparator.<Boolean>naturalOrder()),
                null, null, null, null);
        String name = nameOnlyInherited ? id : Objects.requireNonNullElse(name(), id);
        String status = pickStatus();
        return new ModelSnapshot(id, name, vendor,
                pick(n -> TomlNodes.text(n, "family"), byTextAscending()),
                releaseDate(pick(n -> TomlNodes.text(n, "release_date"), byTextAscending())),
                knowledgeCutoff(pick(n -> TomlNodes.text(n, "knowledge"), byTextAscending())),
                limits.context(), limits.output(),
                ParameterSizes.billions(id),
                null,
                pick(n -> TomlNodes.text(n, "license"), byTextAscending()),
                pick(n -> TomlNodes.bool(n, "open_weights"), Comparator.<Boolean>naturalOrder()),
                new Modalities(input, output),
                capabilities,
                List.of(),
                benchmarks(metadata),
                List.of(new SourceRef("models.dev", "https://models.dev", dataDate)),
                "deprecated".equals(status) ? ModelStatus.DEPRECATED : ModelStatus.ACTIVE,
                null, null);
    }

    /** The display name from the usual sources, or null when no file gives one. */
    String name() {
        return pick(n -> TomlNodes.text(n, "name"), byTextAscending());
    }

    /** Output modalities, to tell text models from image, speech or embedding models. */
    List<String> outputModalities() {
        Mods mods = pick(this::modalities, Comparator.comparing(Mods::toString).reversed());
        return mods == null ? List.of() : mods.output();
    }

    /** The first preferred source that has the field, else the most common value; {@code tie} ranks equal counts (max wins). */
    private <T> T pick(Function<JsonNode, T> field, Comparator<T> tie) {
        for (JsonNode node : preferred) {
            T value = field.apply(node);
            if (value != null) {
                return value;
            }
        }
        return mostCommon(all, field, tie);
    }

    private static <T> T mostCommon(List<JsonNode> nodes, Function<JsonNode, T> field, Comparator<T> tie) {
        Map<T, Integer> counts = new HashMap<>();
        for (JsonNode node : nodes) {
            T value = field.apply(node);
            if (value != null) {
                counts.merge(value, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .max(Map.Entry.<T, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(tie)))
                .map(Map.Entry::getKey)
                .orElse(null);
    }

    /** Ties between texts go to the alphabetically first one (max of a reversed order). */
    private static Comparator<String> byTextAscending() {
        return Comparator.<String>naturalOrder().reversed();
    }

    private Limits limits() {
        for (JsonNode node : preferred) {
            JsonNode limit = node.get("limit");
            Integer context = TomlNodes.positiveInt(limit, "context");
            if (context != null) {
                return new Limits(context, TomlNodes.positiveInt(limit, "output"));
            }
        }
        Integer context = mostCommon(all, n -> TomlNodes.positiveInt(n.get("limit"), "context"), Comparator.<Integer>naturalOrder());
        List<JsonNode> sameContext = all.stream()
                .filter(n -> context == null || context.equals(TomlNodes.positiveInt(n.get("limit"), "context")))
                .toList();
        Integer output = mostCommon(sameContext, n -> TomlNodes.positiveInt(n.get("limit"), "output"), Comparator.<Integer>naturalOrder());
        return new Limits(context, output);
    }

    private Mods modalities(JsonNode node) {
        JsonNode modalities = node.get("modalities");
        if (modalities == null || !modalities.isObject()) {
            return null;
        }
        List<String> input = TomlNodes.strings(modalities, "input");
        List<String> output = TomlNodes.strings(modalities, "output");
        return input.isEmpty() && output.isEmpty() ? null : new Mods(input, output);
    }

    /** Status from one source: the metadata file, the creator route (absent = active), else the most common (absent = active). */
    private String pickStatus() {
        for (JsonNode node : metadata) {
            String status = TomlNodes.text(node, "status");
            if (status != null) {
                return status;
            }
        }
        if (creatorRoute != null) {
            return Objects.requireNonNullElse(TomlNodes.text(creatorRoute, "status"), "active");
        }
        return mostCommon(all, n -> Objects.requireNonNullElse(TomlNodes.text(n, "status"), "active"),
                Comparator.<String>naturalOrder());
    }

    static LocalDate releaseDate(String text) {
        if (text == null) {
            return null;
        }
        try {
            if (text.matches("\\d{4}-\\d{2}")) {
                return LocalDate.parse(text + "-01");
            }
            return text.matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(text) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String knowledgeCutoff(String text) {
        return text != null && text.matches("\\d{4}-(0[1-9]|1[0-2])(-\\d{2})?") ? text : null;
    }

    /**
     * The metadata file's benchmarks. Rows that differ only by harness, variant, dataset or version get
     * those in the name ({@code SWE-Bench Pro (Codex, medium, hard-aa)}); {@code verified} is true for
     * independent leaderboards, false for the lab's own pages and model cards, else unknown.
     */
    private static List<Benchmark> benchmarks(List<JsonNode> metadata) {
        Map<String, Benchmark> byName = new LinkedHashMap<>();
        for (JsonNode meta : metadata) {
            JsonNode rows = meta.get("benchmarks");
            if (rows == null || !rows.isArray()) {
                continue;
            }
            for (JsonNode row : rows) {
                String name = TomlNodes.text(row, "name");
                BigDecimal score = TomlNodes.decimal(row, "score");
                if (name == null || score == null) {
                    continue;
                }
                List<String> qualifiers = new ArrayList<>();
                for (String field : List.of("harness", "variant", "dataset", "version")) {
                    String value = TomlNodes.text(row, field);
                    if (value != null) {
                        qualifiers.add(value);
                    }
                }
                String fullName = qualifiers.isEmpty() ? name : name + " (" + String.join(", ", qualifiers) + ")";
                String source = TomlNodes.text(row, "source");
                byName.putIfAbsent(fullName, new Benchmark(fullName, score.stripTrailingZeros().scale() < 0
                        ? score.setScale(0) : score.stripTrailingZeros(),
                        TomlNodes.text(row, "metric"), source, verified(source)));
            }
        }
        return List.copyOf(byName.values());
    }

    private static Boolean verified(String source) {
        if (source == null) {
            return null;
        }
        try {
            String host = URI.create(source).getHost();
            if (host == null) {
                return null;
            }
            if (INDEPENDENT_BENCHMARK_HOSTS.contains(host)) {
                return true;
            }
            return LAB_BENCHMARK_HOSTS.contains(host) ? false : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
