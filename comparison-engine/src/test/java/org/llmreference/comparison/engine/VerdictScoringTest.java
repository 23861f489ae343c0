package org.llmreference.comparison.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmreference.comparison.engine.Capability.FUNCTION_CALLING;
import static org.llmreference.comparison.engine.Capability.REASONING;
import static org.llmreference.comparison.engine.Capability.TOOL_USE;
import static org.llmreference.comparison.engine.Capability.VISION;
import static org.llmreference.comparison.engine.Sides.aModel;
import static org.llmreference.comparison.engine.Sides.aRoute;
import static org.llmreference.testsupport.Fixtures.aModelLike;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.comparison.DimensionScore;
import org.llmreference.contracts.comparison.Verdict;
import org.llmreference.importing.bundle.CatalogBundle;
import org.llmreference.importing.demo.DemoCatalog;

class VerdictScoringTest {

    private final ComparisonEngine engine = new ComparisonEngine(EngineSettings.defaults());

    @Test
    void aTieGoesToTheIdThatSortsFirstAndLeadsEverywhere() {
        Verdict verdict = verdict(twin("b").side(), twin("a").side());
        assertThat(verdict.totalA()).isEqualTo(verdict.totalB());
        assertThat(verdict.saferModelId()).isEqualTo("a");
        assertThat(verdict.alternativeModelId()).isEqualTo("b");
        assertThat(verdict.alternativeDimension()).isNull();
        assertThat(verdict.sentence()).isEqualTo("a is safer overall and leads on every scored dimension.");
    }

    @Test
    void aTieInTotalsGoesToTheModelWithMoreTrackedRoutes() {
        Weights noCoverage = new Weights(BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.ZERO, BigDecimal.TEN,
                BigDecimal.TEN, BigDecimal.TEN);
        ComparisonEngine engine = new ComparisonEngine(new EngineSettings(EngineSettings.DEFAULT_PROFILE, List.of(), noCoverage));
        Side routed = twin("z").withRoute(aRoute("p").priced(null, null)).withRoute(aRoute("q").priced(null, null)).side();
        Verdict verdict = engine.compare(twin("a").side(), routed, List.of()).verdict();
        assertThat(verdict.totalA()).isEqualTo(verdict.totalB());
        assertThat(verdict.saferModelId()).isEqualTo("z");
    }

    @Test
    void saysWhenTheSaferModelLeadsOnEveryScoredDimension() {
        Side strong = aModel("strong").named("Strong").withContextWindow(1_048_576).exposing(VISION, REASONING)
                .withLicense("MIT").releasedOn("2026-01-01").withRoute(aRoute("p").priced("0.10", "0.20")).side();
        Side weak = aModel("weak").named("Weak").withContextWindow(8_192).exposing(VISION)
                .withOpenWeights(false).releasedOn("2024-01-01").withRoute(aRoute("p").priced("0.20", "0.40")).side();
        Verdict verdict = verdict(weak, strong);
        assertThat(verdict.sentence()).isEqualTo("Strong is safer overall and leads on every scored dimension.");
        assertThat(verdict.saferModelId()).isEqualTo("strong");
        // (20 × 1 + 20 × 0.2 + 15 × 1 + 10 × log2(2)/log2(17) + 10 × 1 + 15 × 1) / 90, benchmarks not scored
        assertThat(verdict.totalB()).isEqualByComparingTo("73.8");
    }

    @Test
    void recommendsTheAlternativeForItsLargestWeightedGain() {
        Side safer = aModel("s").named("Safer").withContextWindow(1_048_576).exposing(VISION).side();
        Side alternative = aModel("t").named("Tooling").withContextWindow(131_072).exposing(VISION, TOOL_USE, FUNCTION_CALLING).side();
        Verdict verdict = verdict(safer, alternative);
        // context: 20 × (1 − 0.571) = 8.6 for Safer; capability breadth: 20 × (0.3 − 0.1) = 4 for Tooling
        assertThat(verdict.sentence()).isEqualTo("Safer is safer overall; choose Tooling when capability breadth matters.");
        assertThat(verdict.alternativeDimension()).isEqualTo("capability breadth");
    }

    @Test
    void aDimensionUnknownForEitherModelIsScoredForNeither() {
        Side dated = aModel("a").named("Dated").releasedOn("2025-01-01").withContextWindow(131_072).side();
        Side undated = aModel("b").named("Undated").withContextWindow(262_144).side();
        Verdict verdict = verdict(dated, undated);
        assertThat(row(verdict, "Recency")).isEqualTo(new DimensionScore("Recency", new BigDecimal("15"), null, null,
                "not scored: Undated has no release date"));
        assertThat(row(verdict, "Capability breadth").reason()).isEqualTo("not scored: Dated and Undated have no capability data");
        // Only context window and provider coverage are scored: (20 × 4/7 + 10 × 0) / 30 and (20 × 5/7 + 0) / 30
        assertThat(verdict.totalA()).isEqualByComparingTo("38.1");
        assertThat(verdict.totalB()).isEqualByComparingTo("47.6");
        assertThat(verdict.dimensions()).extracting(DimensionScore::dimension).containsExactly("Context window",
                "Capability breadth", "License openness", "Provider coverage", "Price", "Shared benchmarks", "Recency");
    }

    @Test
    void scoresContextWindowsOnALogScaleFrom8kTo1M() {
        assertThat(VerdictScoring.contextScore(4_096)).isEqualByComparingTo("0");
        assertThat(VerdictScoring.contextScore(8_192)).isEqualByComparingTo("0");
        assertThat(VerdictScoring.contextScore(131_072)).isEqualByComparingTo("0.571428571429");
        assertThat(VerdictScoring.contextScore(1_048_576)).isEqualByComparingTo("1");
        assertThat(VerdictScoring.contextScore(2_000_000)).isEqualByComparingTo("1");
    }

    @Test
    void scoresProviderCoverageUpToSixteenRoutes() {
        assertThat(VerdictScoring.coverageScore(0)).isEqualByComparingTo("0");
        assertThat(VerdictScoring.coverageScore(9)).isBetween(new BigDecimal("0.81"), new BigDecimal("0.82"));
        assertThat(VerdictScoring.coverageScore(16)).isEqualByComparingTo("1");
        assertThat(VerdictScoring.coverageScore(40)).isEqualByComparingTo("1");
    }

    @Test
    void scoresPriceRelativeToTheCheaperModel() {
        Side cheap = aModel("a").withRoute(aRoute("p").priced("0.03", "0.14")).side();
        Side dear = aModel("b").withRoute(aRoute("p").priced("0.06", "0.28")).side();
        assertThat(row(verdict(cheap, dear), "Price"))
                .isEqualTo(new DimensionScore("Price", new BigDecimal("10"), new BigDecimal("1.00"), new BigDecimal("0.50"),
                        "$59.00 vs $118.00 per month"));
        Side free = aModel("c").withRoute(aRoute("p").priced("0", "0")).side();
        Side alsoFree = aModel("d").withRoute(aRoute("p").priced("0", "0")).side();
        assertThat(row(verdict(free, alsoFree), "Price").scoreA()).isEqualByComparingTo("1");
        assertThat(row(verdict(free, alsoFree), "Price").scoreB()).isEqualByComparingTo("1");
        assertThat(row(verdict(cheap, aModel("e").named("E").side()), "Price").reason())
                .isEqualTo("not scored: E has no complete price");
    }

    @Test
    void scoresSharedBenchmarksRowByRowAgainstTheBetterResult() {
        Side a = aModel("a").withBenchmark("MMLU", "80", "%", true).withBenchmark("GPQA", "30", "%", true)
                .withBenchmark("Only A", "99", "%", true).withBenchmark("Zero", "0", "%", true).side();
        Side b = aModel("b").withBenchmark("gpqa", "60", "%", true).withBenchmark("mmlu", "40", "%", false)
                .withBenchmark("zero", "0", "%", true).side();
        DimensionScore row = row(verdict(a, b), "Shared benchmarks");
        // MMLU 1 vs 0.5, GPQA 0.5 vs 1, Zero 1 vs 1 (nobody scored above zero)
        assertThat(row.scoreA()).isEqualByComparingTo("0.83");
        assertThat(row.scoreB()).isEqualByComparingTo("0.83");
        assertThat(row.reason()).isEqualTo("3 shared benchmark rows");
    }

    @Test
    void scoresRecencyDownToZeroOverTwoYears() {
        Side newer = aModel("a").releasedOn("2026-01-01").side();
        Side year = aModel("b").releasedOn("2025-01-01").side();
        Side ancient = aModel("c").releasedOn("2020-01-01").side();
        DimensionScore oneYear = row(verdict(newer, year), "Recency");
        assertThat(oneYear.scoreA()).isEqualByComparingTo("1.00");
        assertThat(oneYear.scoreB()).isEqualByComparingTo("0.50");
        assertThat(oneYear.reason()).isEqualTo("released 2026-01-01 vs 2025-01-01");
        assertThat(row(verdict(newer, ancient), "Recency").scoreB()).isEqualByComparingTo("0");
        assertThat(row(verdict(newer, aModel("d").releasedOn("2026-01-01").side()), "Recency").scoreB()).isEqualByComparingTo("1");
    }

    @Test
    void reorderingTheDemoCatalogDoesNotChangeWhoIsSafer() {
        CatalogBundle demo = DemoCatalog.load();
        List<ModelSnapshot> models = new ArrayList<>(demo.models());
        Collections.reverse(models);
        List<org.llmreference.importing.bundle.RouteEntry> routes = new ArrayList<>(demo.routes());
        Collections.reverse(routes);
        Map<String, Side> reordered = DemoSides.from(new CatalogBundle(demo.source(), demo.providers(), models, routes));

        Verdict verdict = engine.compare(reordered.get("gpt-oss-20b"), reordered.get("qwen3.5-4b"), List.of()).verdict();
        assertThat(verdict.sentence()).isEqualTo("Qwen3.5-4B is safer overall; choose gpt-oss-20b when provider fit matters.");
    }

    @Test
    void renamingTheDemoModelsDoesNotChangeWhoIsSafer() {
        Side gpt = DemoSides.of("gpt-oss-20b");
        Side qwen = DemoSides.of("qwen3.5-4b");
        Side renamedGpt = new Side(renamed(gpt.model(), "zz-routed", "Zeta Routed"), gpt.routes());
        Side renamedQwen = new Side(renamed(qwen.model(), "aa-long", "Alpha Long"), qwen.routes());

        Verdict verdict = engine.compare(renamedGpt, renamedQwen, List.of()).verdict();
        assertThat(verdict.saferModelId()).isEqualTo("aa-long");
        assertThat(verdict.sentence()).isEqualTo("Alpha Long is safer overall; choose Zeta Routed when provider fit matters.");
        Verdict original = engine.compare(gpt, qwen, List.of()).verdict();
        assertThat(verdict.totalA()).isEqualTo(original.totalB());
        assertThat(verdict.totalB()).isEqualTo(original.totalA());
    }

    private Verdict verdict(Side a, Side b) {
        return engine.compareInOrder(a, b, List.of()).verdict();
    }

    private static DimensionScore row(Verdict verdict, String dimension) {
        return verdict.dimensions().stream().filter(row -> row.dimension().equals(dimension)).findFirst().orElseThrow();
    }

    /** A model with a value on every dimension except price and benchmarks, the same for every id. */
    private static Sides.ModelBuilder twin(String id) {
        return aModel(id).withContextWindow(131_072).exposing(VISION).withLicense("Apache 2.0").releasedOn("2025-01-01");
    }

    private static ModelSnapshot renamed(ModelSnapshot m, String id, String name) {
        return aModelLike(m).withId(id).named(name).build();
    }
}
