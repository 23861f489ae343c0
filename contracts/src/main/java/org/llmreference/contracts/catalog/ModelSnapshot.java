package org.llmreference.contracts.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A model's full state. Unknown values are absent ({@code null}), never 0.
 *
 * @param id              slug, e.g. {@code gpt-oss-20b}
 * @param knowledgeCutoff {@code YYYY-MM} or {@code YYYY-MM-DD}
 * @param contextWindow   tokens
 * @param maxOutputTokens tokens
 * @param retiresOn       when a deprecated model is due to be retired
 * @param successorId     the model that replaces this one
 * @param aliases         other ids of the same model (a provider's spelling, a joined duplicate), whose
 *                        URLs answer with a redirect to this model's; optional within v1, never null
 */
public record ModelSnapshot(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) String name,
        String vendor,
        String family,
        LocalDate releaseDate,
        String knowledgeCutoff,
        Integer contextWindow,
        Integer maxOutputTokens,
        BigDecimal parametersBillions,
        String architecture,
        String license,
        Boolean openWeights,
        Modalities modalities,
        Capabilities capabilities,
        List<String> decisionTags,
        List<Benchmark> benchmarks,
        List<SourceRef> sources,
        @JsonProperty(required = true) ModelStatus status,
        LocalDate retiresOn,
        String successorId,
        List<String> aliases) {

    public ModelSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        modalities = modalities == null ? new Modalities(List.of(), List.of()) : modalities;
        capabilities = capabilities == null ? Capabilities.unknown() : capabilities;
        decisionTags = decisionTags == null ? List.of() : List.copyOf(decisionTags);
        benchmarks = benchmarks == null ? List.of() : List.copyOf(benchmarks);
        sources = sources == null ? List.of() : List.copyOf(sources);
        status = status == null ? ModelStatus.ACTIVE : status;
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** A model without aliases (the shape before {@code aliases} was added). */
    public ModelSnapshot(String id, String name, String vendor, String family, LocalDate releaseDate, String knowledgeCutoff,
            Integer contextWindow, Integer maxOutputTokens, BigDecimal parametersBillions, String architecture,
            String license, Boolean openWeights, Modalities modalities, Capabilities capabilities,
            List<String> decisionTags, List<Benchmark> benchmarks, List<SourceRef> sources, ModelStatus status,
            LocalDate retiresOn, String successorId) {
        this(id, name, vendor, family, releaseDate, knowledgeCutoff, contextWindow, maxOutputTokens, parametersBillions,
                architecture, license, openWeights, modalities, capabilities, decisionTags, benchmarks, sources, status,
                retiresOn, successorId, List.of());
    }

    /** This model with {@code otherIds} as its aliases. */
    public ModelSnapshot withAliases(List<String> otherIds) {
        return new ModelSnapshot(id, name, vendor, family, releaseDate, knowledgeCutoff, contextWindow, maxOutputTokens,
                parametersBillions, architecture, license, openWeights, modalities, capabilities, decisionTags, benchmarks,
                sources, status, retiresOn, successorId, otherIds);
    }
}
