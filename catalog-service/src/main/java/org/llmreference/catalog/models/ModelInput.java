package org.llmreference.catalog.models;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.llmreference.contracts.catalog.Benchmark;
import org.llmreference.contracts.catalog.Capabilities;
import org.llmreference.contracts.catalog.Modalities;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.catalog.ModelStatus;
import org.llmreference.contracts.catalog.SourceRef;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A model as an editor sends it (PUT body, merged PATCH document, one model of an import bundle).
 * Nothing is required by the JSON reader: {@link ModelRules} says what is missing or wrong, all at
 * once. Whole numbers are read as {@code Long} so that an out-of-range count is reported by rule.
 *
 * @param revision read-only; when given it must be the current revision, like {@code If-Match}
 */
@Schema(name = "ModelInput", description = "A model as an editor writes it. Unknown values are absent, never 0.")
public record ModelInput(
        @Schema(description = "slug; must equal the id in the path when given", example = "gpt-oss-20b") String id,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200, example = "gpt-oss-20b") String name,
        @Schema(maxLength = 100, example = "OpenAI") String vendor,
        @Schema(maxLength = 100) String family,
        @Schema(description = "from 2015-01-01 to a year from today") LocalDate releaseDate,
        @Schema(pattern = "YYYY-MM or YYYY-MM-DD", example = "2025-08") String knowledgeCutoff,
        @Schema(minimum = "1", maximum = "100000000", example = "131072") Long contextWindow,
        @Schema(minimum = "1", maximum = "100000000", description = "at most contextWindow") Long maxOutputTokens,
        @Schema(exclusiveMinimumValue = 0, maximum = "100000", description = "at most 3 decimals") BigDecimal parametersBillions,
        @Schema(maxLength = 100) String architecture,
        @Schema(maxLength = 100) String license,
        Boolean openWeights,
        ModalitiesInput modalities,
        Capabilities capabilities,
        @Schema(description = "at most 20, each at most 40 characters, no duplicates") List<String> decisionTags,
        @Schema(description = "at most 100") List<BenchmarkInput> benchmarks,
        @Schema(description = "at most 20") List<SourceInput> sources,
        @Schema(allowableValues = { "active", "deprecated", "retired" }, defaultValue = "active") String status,
        @Schema(description = "only with status deprecated or retired; not before releaseDate") LocalDate retiresOn,
        @Schema(description = "slug of the model that replaces this one") String successorId,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) Long revision,
        @Schema(description = "other ids of the same model (slugs, at most 100); their URLs redirect to this model's")
        List<String> aliases) {

    /** An input without aliases. */
    public ModelInput(String id, String name, String vendor, String family, LocalDate releaseDate, String knowledgeCutoff,
            Long contextWindow, Long maxOutputTokens, BigDecimal parametersBillions, String architecture, String license,
            Boolean openWeights, ModalitiesInput modalities, Capabilities capabilities, List<String> decisionTags,
            List<BenchmarkInput> benchmarks, List<SourceInput> sources, String status, LocalDate retiresOn,
            String successorId, Long revision) {
        this(id, name, vendor, family, releaseDate, knowledgeCutoff, contextWindow, maxOutputTokens, parametersBillions,
                architecture, license, openWeights, modalities, capabilities, decisionTags, benchmarks, sources, status,
                retiresOn, successorId, revision, null);
    }

    /** What a model reads and writes: {@code text}, {@code image}, {@code audio}, {@code video}, {@code pdf}. */
    public record ModalitiesInput(List<String> input, List<String> output) {
    }

    /** One benchmark result; {@code verified} = measured independently rather than claimed by the lab. */
    public record BenchmarkInput(String name, BigDecimal score, String unit, String source, Boolean verified) {
    }

    /** Where a fact comes from, and when someone last checked it there. */
    public record SourceInput(String title, String url, LocalDate reviewedAt) {
    }

    /** The state this input describes; call only once {@link ModelRules} found nothing wrong. */
    public ModelSnapshot toSnapshot(String modelId) {
        return new ModelSnapshot(modelId, name, vendor, family, releaseDate, knowledgeCutoff, toInt(contextWindow),
                toInt(maxOutputTokens), parametersBillions, architecture, license, openWeights,
                modalities == null ? null : new Modalities(modalities.input(), modalities.output()), capabilities,
                decisionTags,
                benchmarks == null ? null
                        : benchmarks.stream().map(b -> new Benchmark(b.name(), b.score(), b.unit(), b.source(), b.verified()))
                                .toList(),
                sources == null ? null : sources.stream().map(s -> new SourceRef(s.title(), s.url(), s.reviewedAt())).toList(),
                status == null ? ModelStatus.ACTIVE : ModelRules.status(status), retiresOn, successorId, aliases);
    }

    /** The input that describes {@code model} as it is (the document a merge patch applies to). */
    public static ModelInput of(ModelSnapshot model) {
        return new ModelInput(model.id(), model.name(), model.vendor(), model.family(), model.releaseDate(),
                model.knowledgeCutoff(), toLong(model.contextWindow()), toLong(model.maxOutputTokens()),
                model.parametersBillions(), model.architecture(), model.license(), model.openWeights(),
                new ModalitiesInput(model.modalities().input(), model.modalities().output()), model.capabilities(),
                model.decisionTags(),
                model.benchmarks().stream().map(b -> new BenchmarkInput(b.name(), b.score(), b.unit(), b.source(), b.verified()))
                        .toList(),
                model.sources().stream().map(s -> new SourceInput(s.title(), s.url(), s.reviewedAt())).toList(),
                ModelRules.statusName(model.status()), model.retiresOn(), model.successorId(), null, model.aliases());
    }

    private static Integer toInt(Long value) {
        return value == null ? null : Math.toIntExact(value);
    }

    private static Long toLong(Integer value) {
        return value == null ? null : value.longValue();
    }
}
