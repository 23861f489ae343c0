package org.llmreference.comparison.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmreference.comparison.engine.Capability.REASONING;
import static org.llmreference.comparison.engine.Capability.VISION;
import static org.llmreference.comparison.engine.Sides.aModel;
import static org.llmreference.comparison.engine.Sides.aRoute;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.contracts.comparison.DimensionScore;
import org.llmreference.contracts.comparison.FactRow;
import org.llmreference.contracts.comparison.Tradeoff;

/**
 * Every sentence follows from the facts it states, on pairs unlike the reference pair: equal values
 * are said to be equal, the verdict's reason for the alternative is among its tradeoffs, a row known
 * for neither model is left out, and the words agree with their counts.
 */
class ProseRulesTest {

    private final ComparisonEngine engine = new ComparisonEngine(EngineSettings.defaults());

    // Equal values are said to be equal.

    @Test
    void saysBothShipTheSameContextWindowInsteadOfContrastingThem() {
        Comparison page = compare(aModel("a").named("A").withContextWindow(131_072),
                aModel("b").named("B").withContextWindow(131_072));

        assertThat(page.intro()).contains("Both ship a 131k-token context window.").doesNotContain(", while");
    }

    @Test
    void windowsThatReadTheSameAreTheSameWindowEverywhere() {
        Comparison page = compare(aModel("a").named("A").withContextWindow(1_000_000),
                aModel("b").named("B").withContextWindow(1_048_576));

        assertThat(page.intro()).contains("Both ship a 1M-token context window.");
        assertThat(page.faq().get(0).answer()).startsWith("A and B both support 1M tokens, so context size does not separate them");
        assertThat(page.verdict().dimensions().get(0).reason()).isEqualTo("both 1M tokens");
    }

    @Test
    void theVerdictTableSaysBothWhenBothModelsHaveTheSameValue() {
        Comparison page = compare(
                aModel("a").named("A").withContextWindow(131_072).exposing(VISION).withLicense("MIT").releasedOn("2025-01-01")
                        .withRoute(aRoute("p").priced("0.10", "0.20")),
                aModel("b").named("B").withContextWindow(131_072).exposing(REASONING).withLicense("MIT").releasedOn("2025-01-01")
                        .withRoute(aRoute("p").priced("0.10", "0.20")));

        assertThat(page.verdict().dimensions()).extracting(DimensionScore::reason).containsExactly(
                "both 131k tokens",
                "both 1 of 10 capabilities",
                "both MIT",
                "both 1 tracked route",
                "both $130.00 per month",
                "not scored: no shared benchmark rows",
                "both released 2025-01-01");
    }

    @Test
    void theDeepDiveAndFaqSayBothForTheSamePriceRoutesAndLicense() {
        Comparison page = compare(
                aModel("a").named("A").withLicense("MIT").withRoute(aRoute("p").priced("0.10", "0.20")),
                aModel("b").named("B").withLicense("MIT").withRoute(aRoute("q").priced("0.10", "0.30")));

        assertThat(page.deepDive().get(1)).startsWith("Pricing is sourced for both, and both have $0.10/1M input tokens."
                + " Both have 1 tracked route.");
        assertThat(page.faq().get(1).answer()).startsWith("Both A and B are listed under MIT.");
    }

    // The verdict's reason for the alternative is among the alternative's reasons.

    @Test
    void aVerdictForTheNewerReleaseFindsItAmongTheAlternativesReasons() {
        Comparison page = compare(
                aModel("safer").named("Safer").withContextWindow(1_048_576).exposing(VISION, REASONING).withLicense("MIT")
                        .releasedOn("2024-01-01"),
                aModel("newer").named("Newer").withContextWindow(8_192).exposing(VISION).withLicense("MIT")
                        .releasedOn("2026-01-01"));

        assertThat(page.verdict().sentence()).isEqualTo("Safer is safer overall; choose Newer when recency matters.");
        assertThat(bulletsOf(page, "newer")).containsExactly("Newer is the newer release (2026-01-01 vs 2024-01-01).");
        assertThat(page.deepDive().get(2)).contains("Choose Newer when the newest release matters.");
    }

    @Test
    void aVerdictForTheMoreOpenLicenseFindsItAmongTheAlternativesReasons() {
        Comparison page = compare(
                aModel("closed").named("Closed").withContextWindow(1_048_576).withOpenWeights(false).releasedOn("2026-01-01"),
                aModel("open").named("Open").withContextWindow(8_192).withLicense("MIT").releasedOn("2026-01-01"));

        assertThat(page.verdict().sentence()).isEqualTo("Closed is safer overall; choose Open when license openness matters.");
        assertThat(bulletsOf(page, "open")).singleElement().asString().startsWith("Open has the more open license (MIT vs ");
    }

    @Test
    void aVerdictForBenchmarksSaysTheyMatterAndCountsTheRowsTheAlternativeLeads() {
        Comparison page = compare(
                aModel("big").named("Big").withContextWindow(1_048_576).withBenchmark("mmlu", "80", "%", true),
                aModel("smart").named("Smart").withContextWindow(8_192).withBenchmark("mmlu", "90", "%", true));

        assertThat(page.verdict().sentence()).isEqualTo("Big is safer overall; choose Smart when benchmark results matter.");
        assertThat(bulletsOf(page, "smart")).containsExactly("Smart scores higher on 1 of 1 shared benchmark.");
    }

    @Test
    void aModelThatLeadsOnADimensionIsNeverToldNothingFavoursIt() {
        Comparison page = compare(
                aModel("fresh").named("Fresh").withLicense("MIT").releasedOn("2026-01-01"),
                aModel("routed").named("Routed").withOpenWeights(false).releasedOn("2024-01-01")
                        .withRoute(aRoute("p").priced(null, null)));

        assertThat(page.verdict().saferModelId()).isEqualTo("fresh");
        assertThat(bulletsOf(page, "fresh")).containsExactly("Fresh is the newer release (2026-01-01 vs 2024-01-01).");
    }

    @Test
    void theReferencePairKeepsItsTradeoffs() {
        Comparison page = engine.compare(DemoSides.of("qwen3.5-4b"), DemoSides.of("gpt-oss-20b"), List.of());

        assertThat(bulletsOf(page, "gpt-oss-20b")).first().asString().contains("broader tracked provider coverage");
        assertThat(bulletsOf(page, "qwen3.5-4b")).noneMatch(bullet -> bullet.contains("newer release"));
    }

    // A row with nothing for either side is left out.

    @Test
    void leavesOutRowsKnownForNeitherModel() {
        Comparison neither = compare(aModel("a").withContextWindow(131_072), aModel("b").withContextWindow(262_144));
        Comparison one = compare(aModel("a").withDecisionTags("RAG").withParameters("20"), aModel("b"));

        assertThat(neither.scorecard()).extracting(FactRow::label).doesNotContain("Decision fit");
        assertThat(neither.specs().rows()).extracting(FactRow::label).containsExactly("Context window");
        assertThat(one.scorecard()).extracting(FactRow::label).contains("Decision fit");
        assertThat(one.specs().rows()).extracting(FactRow::label).containsExactly("Parameters");
    }

    // Grammar holds for one and for many.

    @Test
    void countsAgreeWithTheirNouns() {
        assertThat(Texts.count(1, "tracked route", "tracked routes")).isEqualTo("1 tracked route");
        assertThat(Texts.count(0, "tracked route", "tracked routes")).isEqualTo("0 tracked routes");
        assertThat(VerdictScoring.Dimension.SHARED_BENCHMARKS.matters()).isEqualTo("benchmark results matter");
        assertThat(VerdictScoring.Dimension.PRICE.matters()).isEqualTo("cost matters");
        assertThat(Texts.versus("131k", "131k")).isEqualTo("both 131k");
        assertThat(Texts.withArticle("131k")).isEqualTo("a 131k");
        assertThat(Texts.withArticle("8k")).isEqualTo("an 8k");
        assertThat(Texts.withArticle("11k")).isEqualTo("an 11k");
        assertThat(Texts.withArticle("18M")).isEqualTo("an 18M");
        assertThat(Texts.withArticle("110k")).isEqualTo("a 110k");
        assertThat(compare(aModel("a").named("A").withContextWindow(8_192), aModel("b").named("B")).intro())
                .contains("A ships an 8k-token context window");
        assertThat(Texts.versus("131k", "262k")).isEqualTo("131k vs 262k");
    }

    private Comparison compare(Sides.ModelBuilder a, Sides.ModelBuilder b) {
        return engine.compare(a.side(), b.side(), List.of());
    }

    private static List<String> bulletsOf(Comparison page, String modelId) {
        return page.tradeoffs().stream().filter(t -> t.modelId().equals(modelId)).findFirst().map(Tradeoff::bullets)
                .orElseThrow();
    }
}
