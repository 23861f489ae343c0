package org.llmreference.comparison.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.contracts.comparison.CostPoint;
import org.llmreference.contracts.comparison.DimensionScore;
import org.llmreference.contracts.comparison.FactRow;
import org.llmreference.contracts.comparison.ModelCost;
import org.llmreference.contracts.comparison.RelatedPair;
import org.llmreference.contracts.comparison.SwitchFriction;
import org.llmreference.contracts.comparison.Tradeoff;

/**
 * Which model is "A" is a matter of id order, not of substance: comparing y with x gives the
 * facts of comparing x with y, mirrored.
 */
class SymmetryTest {

    private static final List<RelatedPair> RELATED = List.of(new RelatedPair("a-vs-b", "A vs B"));

    private final ComparisonEngine engine = new ComparisonEngine(EngineSettings.defaults());

    @Test
    void comparingInEitherOrderGivesTheSameFactsMirrored() {
        qt().withExamples(400)
                .forAll(RandomCatalogs.sides(), RandomCatalogs.sides())
                .assuming((x, y) -> !x.id().equals(y.id()))
                .checkAssert((x, y) -> assertMirrored(engine.compareInOrder(x, y, RELATED), engine.compareInOrder(y, x, RELATED)));
    }

    @Test
    void comparePutsTheModelWhoseIdSortsFirstAsA() {
        qt().withExamples(200)
                .forAll(RandomCatalogs.sides(), RandomCatalogs.sides())
                .assuming((x, y) -> !x.id().equals(y.id()))
                .checkAssert((x, y) -> {
                    Comparison forward = engine.compare(x, y, RELATED);
                    assertThat(forward).isEqualTo(engine.compare(y, x, RELATED));
                    assertThat(forward.modelA().id().compareTo(forward.modelB().id())).isNegative();
                    assertThat(forward.pairId()).isEqualTo(forward.modelA().id() + "-vs-" + forward.modelB().id());
                });
    }

    @Test
    void everyPairOfTheDemoCatalogIsSymmetric() {
        List<Side> sides = List.copyOf(DemoSides.all().values());
        for (Side x : sides) {
            for (Side y : sides) {
                if (!x.id().equals(y.id())) {
                    assertMirrored(engine.compareInOrder(x, y, RELATED), engine.compareInOrder(y, x, RELATED));
                }
            }
        }
    }

    private static void assertMirrored(Comparison xy, Comparison yx) {
        assertThat(yx.pairId()).isEqualTo(xy.pairId());
        assertThat(yx.modelA()).isEqualTo(xy.modelB());
        assertThat(yx.modelB()).isEqualTo(xy.modelA());

        assertThat(yx.scorecard()).isEqualTo(mirrored(xy.scorecard()));
        assertThat(yx.specs().rows()).isEqualTo(mirrored(xy.specs().rows()));
        assertThat(yx.pricing().rows()).isEqualTo(mirrored(xy.pricing().rows()));
        assertThat(yx.capabilities().rows()).isEqualTo(mirrored(xy.capabilities().rows()));
        assertThat(byLabel(yx.benchmarks().rows())).isEqualTo(byLabel(mirrored(xy.benchmarks().rows())));

        assertThat(byId(yx.tradeoffs(), Tradeoff::modelId)).isEqualTo(byId(xy.tradeoffs(), Tradeoff::modelId));
        assertThat(byId(yx.switchFriction(), SymmetryTest::direction)).isEqualTo(byId(xy.switchFriction(), SymmetryTest::direction));

        assertThat(yx.verdict().saferModelId()).isEqualTo(xy.verdict().saferModelId());
        assertThat(yx.verdict().alternativeModelId()).isEqualTo(xy.verdict().alternativeModelId());
        assertThat(yx.verdict().alternativeDimension()).isEqualTo(xy.verdict().alternativeDimension());
        assertThat(yx.verdict().sentence()).isEqualTo(xy.verdict().sentence());
        assertThat(yx.verdict().totalA()).isEqualTo(xy.verdict().totalB());
        assertThat(yx.verdict().totalB()).isEqualTo(xy.verdict().totalA());
        assertThat(scores(yx.verdict().dimensions())).isEqualTo(mirroredScores(xy.verdict().dimensions()));

        assertThat(byId(yx.monthlyCost().models(), ModelCost::modelId)).isEqualTo(byId(xy.monthlyCost().models(), ModelCost::modelId));
        assertThat(yx.monthlyCost().deltaUsd()).isEqualTo(xy.monthlyCost().deltaUsd() == null ? null : xy.monthlyCost().deltaUsd().negate());
        assertThat(yx.monthlyCost().deltaNote()).isEqualTo(xy.monthlyCost().deltaNote());
        assertThat(yx.monthlyCost().curve()).isEqualTo(xy.monthlyCost().curve().stream()
                .map(p -> new CostPoint(p.requestsPerMonth(), p.modelBUsd(), p.modelAUsd())).collect(Collectors.toList()));

        assertThat(yx.lastReviewed()).isEqualTo(xy.lastReviewed());
        assertThat(sourceKeys(yx)).isEqualTo(sourceKeys(xy));
        assertThat(yx.faq()).hasSameSizeAs(xy.faq());
        assertThat(yx.related()).isEqualTo(xy.related());
    }

    /**
     * Sources are de-duplicated keeping model A's copy first, so two copies of one source that
     * differ in review date may keep either copy: compare which sources are listed.
     */
    private static java.util.Set<String> sourceKeys(Comparison comparison) {
        return comparison.sources().stream().map(s -> s.url() != null ? s.url() : "title:" + s.title())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static List<FactRow> mirrored(List<FactRow> rows) {
        return rows.stream().map(row -> new FactRow(row.label(), row.b(), row.a())).collect(Collectors.toList());
    }

    /** Shared benchmark rows keep model A's order and spelling, so compare them by name regardless of case. */
    private static Map<String, List<String>> byLabel(List<FactRow> rows) {
        return rows.stream().collect(Collectors.toMap(row -> row.label().toLowerCase(Locale.ROOT),
                row -> List.of(row.a().text(), row.b().text()), (one, other) -> one, java.util.TreeMap::new));
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity()));
    }

    private static String direction(SwitchFriction friction) {
        return friction.fromModelId() + "->" + friction.toModelId();
    }

    private static List<List<Object>> scores(List<DimensionScore> rows) {
        return rows.stream().map(row -> java.util.Arrays.<Object>asList(row.dimension(), row.weight(), row.scoreA(), row.scoreB()))
                .collect(Collectors.toList());
    }

    private static List<List<Object>> mirroredScores(List<DimensionScore> rows) {
        return rows.stream().map(row -> java.util.Arrays.<Object>asList(row.dimension(), row.weight(), row.scoreB(), row.scoreA()))
                .collect(Collectors.toList());
    }
}
