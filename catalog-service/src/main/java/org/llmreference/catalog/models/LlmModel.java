package org.llmreference.catalog.models;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.llmreference.contracts.catalog.Benchmark;
import org.llmreference.contracts.catalog.Capabilities;
import org.llmreference.contracts.catalog.Modalities;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.catalog.ModelStatus;

/**
 * A model in the catalog: its id, its revision (1 when created, +1 for every accepted change) and
 * its state. States are kept normalised (decimals without trailing zeros), so a write that equals
 * the stored state is recognised as changing nothing.
 */
public record LlmModel(String id, long revision, ModelSnapshot state) {

    /** The top-level fields of a model, by their JSON names, in the order of the Model JSON. */
    private static final List<Field> FIELDS = List.of(
            new Field("id", ModelSnapshot::id), new Field("name", ModelSnapshot::name),
            new Field("vendor", ModelSnapshot::vendor), new Field("family", ModelSnapshot::family),
            new Field("releaseDate", ModelSnapshot::releaseDate), new Field("knowledgeCutoff", ModelSnapshot::knowledgeCutoff),
            new Field("contextWindow", ModelSnapshot::contextWindow), new Field("maxOutputTokens", ModelSnapshot::maxOutputTokens),
            new Field("parametersBillions", ModelSnapshot::parametersBillions),
            new Field("architecture", ModelSnapshot::architecture), new Field("license", ModelSnapshot::license),
            new Field("openWeights", ModelSnapshot::openWeights), new Field("modalities", ModelSnapshot::modalities),
            new Field("capabilities", ModelSnapshot::capabilities), new Field("decisionTags", ModelSnapshot::decisionTags),
            new Field("benchmarks", ModelSnapshot::benchmarks), new Field("sources", ModelSnapshot::sources),
            new Field("status", ModelSnapshot::status), new Field("retiresOn", ModelSnapshot::retiresOn),
            new Field("successorId", ModelSnapshot::successorId), new Field("aliases", ModelSnapshot::aliases));

    private static final Modalities NO_MODALITIES = new Modalities(List.of(), List.of());

    public LlmModel {
        Objects.requireNonNull(state, "state");
        if (!state.id().equals(id)) {
            throw new IllegalArgumentException("state of " + state.id() + " given for model " + id);
        }
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be at least 1, was " + revision);
        }
        state = normalised(state);
    }

    /** A model that did not exist before: revision 1; its changed fields are those it knows. */
    public static Change create(ModelSnapshot state) {
        LlmModel created = new LlmModel(state.id(), 1, state);
        List<String> known = new ArrayList<>();
        for (Field field : FIELDS) {
            if (isKnown(field.value(created.state))) {
                known.add(field.name());
            }
        }
        return new Change(null, created, known);
    }

    /** This model with {@code next} as its whole state: a no-op when nothing differs. */
    public Change replacedBy(ModelSnapshot next) {
        if (!next.id().equals(id)) {
            throw new IllegalArgumentException("model " + id + " cannot take the state of " + next.id());
        }
        ModelSnapshot normalised = normalised(next);
        List<String> changed = changedFields(state, normalised);
        return new Change(this, changed.isEmpty() ? this : new LlmModel(id, revision + 1, normalised), changed);
    }

    /** This model retired: only its status changes; retiring a retired model changes nothing. */
    public Change retired() {
        return replacedBy(withStatus(state, ModelStatus.RETIRED));
    }

    public ModelStatus status() {
        return state.status();
    }

    /** The names of the top-level fields whose values differ, in Model JSON order. */
    static List<String> changedFields(ModelSnapshot before, ModelSnapshot after) {
        List<String> changed = new ArrayList<>();
        for (Field field : FIELDS) {
            if (!Objects.equals(field.value(before), field.value(after))) {
                changed.add(field.name());
            }
        }
        return List.copyOf(changed);
    }

    /** Decimals without trailing zeros (so 20 and 20.0 are the same value); lists keep their order. */
    static ModelSnapshot normalised(ModelSnapshot model) {
        List<Benchmark> benchmarks = model.benchmarks().stream()
                .map(b -> new Benchmark(b.name(), decimal(b.score()), b.unit(), b.source(), b.verified())).toList();
        return new ModelSnapshot(model.id(), model.name(), model.vendor(), model.family(), model.releaseDate(),
                model.knowledgeCutoff(), model.contextWindow(), model.maxOutputTokens(), decimal(model.parametersBillions()),
                model.architecture(), model.license(), model.openWeights(), model.modalities(), model.capabilities(),
                model.decisionTags(), benchmarks, model.sources(), model.status(), model.retiresOn(), model.successorId(),
                model.aliases());
    }

    static ModelSnapshot withStatus(ModelSnapshot model, ModelStatus status) {
        return new ModelSnapshot(model.id(), model.name(), model.vendor(), model.family(), model.releaseDate(),
                model.knowledgeCutoff(), model.contextWindow(), model.maxOutputTokens(), model.parametersBillions(),
                model.architecture(), model.license(), model.openWeights(), model.modalities(), model.capabilities(),
                model.decisionTags(), model.benchmarks(), model.sources(), status, model.retiresOn(), model.successorId(),
                model.aliases());
    }

    private static BigDecimal decimal(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static boolean isKnown(Object value) {
        return value != null && !(value instanceof List<?> list && list.isEmpty())
                && !Capabilities.unknown().equals(value) && !NO_MODALITIES.equals(value);
    }

    private record Field(String name, Function<ModelSnapshot, Object> accessor) {
        Object value(ModelSnapshot model) {
            return accessor.apply(model);
        }
    }
}
