package org.llmreference.page.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.llmreference.contracts.catalog.ModelStatus;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.contracts.comparison.ModelSummary;
import org.llmreference.contracts.comparison.RelatedPair;

/** A deprecated model's pages say when it retires and link its successor; a withdrawn pair links the successor's. */
class RetirementPagesTest {

    private static final ModelSummary DEPRECATED_QWEN = new ModelSummary("qwen3.5-4b", "Qwen3.5-4B", "Alibaba", 2026,
            262_144, ModelStatus.DEPRECATED, LocalDate.of(2026, 9, 30), "qwen3.6-4b");

    private final PageRenderer renderer = new PageRenderer(DemoPages.SITE);

    @Test
    void aComparisonWithADeprecatedModelSaysWhenItRetiresAndLinksTheSameComparisonWithItsSuccessor() {
        Comparison golden = DemoPages.golden();
        Comparison comparison = new Comparison(golden.pairId(), golden.modelA(), DEPRECATED_QWEN, golden.title(),
                golden.intro(), golden.verdict(), golden.scorecard(), golden.tradeoffs(), golden.monthlyCost(),
                golden.switchFriction(), golden.specs(), golden.pricing(), golden.capabilities(), golden.benchmarks(),
                golden.deepDive(), golden.faq(), golden.related(), golden.lastReviewed(), golden.sources());

        Document page = HtmlChecks.parse(renderer.comparison(DemoPages.page(comparison)));

        assertThat(page.select("p.retirement")).hasSize(1);
        assertThat(page.selectFirst("p.retirement").text()).isEqualTo("Qwen3.5-4B is deprecated and retires on 2026-09-30."
                + " Its successor is qwen3.6-4b: compare qwen3.6-4b with gpt-oss-20b.");
        assertThat(page.select("p.retirement a").eachAttr("href"))
                .containsExactly("/models/qwen3.6-4b", "/compare/gpt-oss-20b-vs-qwen3.6-4b");
    }

    @Test
    void theGoldenComparisonHasNoRetirementNotice() {
        Document page = HtmlChecks.parse(renderer.comparison(DemoPages.goldenPage()));
        assertThat(page.select("p.retirement")).isEmpty();
    }

    @Test
    void aDeprecatedModelsPageSaysWhenItRetiresAndLinksItsSuccessor() {
        Document page = HtmlChecks.parse(renderer.model(new ModelPage(DEPRECATED_QWEN, List.of(), List.of())));

        assertThat(page.select("dl.summary dt").eachText()).containsExactly("Vendor", "Released", "Context window", "Status",
                "Retires", "Successor");
        assertThat(page.select("dl.summary dd").eachText()).endsWith("deprecated", "2026-09-30", "qwen3.6-4b");
        assertThat(page.selectFirst("p.retirement").text())
                .isEqualTo("Qwen3.5-4B is deprecated and retires on 2026-09-30. Its successor is qwen3.6-4b.");
        assertThat(page.select("p.retirement a").attr("href")).isEqualTo("/models/qwen3.6-4b");
    }

    @Test
    void aRetiredModelsPageSaysWhenItWasRetiredAndThatItsFactsAreTheLastListed() {
        ModelSummary retired = new ModelSummary("qwen3.5-4b", "Qwen3.5-4B", "Alibaba", 2026, 262_144, ModelStatus.RETIRED,
                LocalDate.of(2026, 9, 30), "qwen3.6-4b");
        Document page = HtmlChecks.parse(renderer.model(new ModelPage(retired, PagesTest.gptOssModelPage().facts(),
                List.of())));

        assertThat(page.select("dl.summary dt").eachText()).containsExactly("Vendor", "Released", "Context window", "Status",
                "Retired", "Successor");
        assertThat(page.select("dl.summary dd").eachText()).endsWith("retired", "2026-09-30", "qwen3.6-4b");
        assertThat(page.selectFirst("p.retirement").text())
                .isEqualTo("Qwen3.5-4B was retired on 2026-09-30. Its successor is qwen3.6-4b.");
        assertThat(page.selectFirst("table caption").text())
                .isEqualTo("Facts about Qwen3.5-4B, as last listed before it was retired");
    }

    @Test
    void theGonePageOfARetiredModelsComparisonLinksTheComparisonWithTheSuccessor() {
        String html = renderer.gone(new GonePage("gpt-oss-20b-vs-qwen3.5-4b", "gpt-oss-20b vs Qwen3.5-4B",
                "Qwen3.5-4B was retired.", List.of(new ModelLink("gpt-oss-20b", "gpt-oss-20b", "OpenAI")),
                List.of(new RelatedPair("gpt-oss-20b-vs-qwen3.6-4b", "gpt-oss-20b vs qwen3.6-4b"))));
        Document page = HtmlChecks.parse(html);

        HtmlChecks.assertWellFormedPage(html);
        assertThat(page.selectFirst("#successors").text()).isEqualTo("Compare the successor instead");
        assertThat(page.select("section[aria-labelledby=successors] a").eachAttr("href"))
                .containsExactly("/compare/gpt-oss-20b-vs-qwen3.6-4b");
        assertThat(page.select("section[aria-labelledby=successors] a").text()).isEqualTo("gpt-oss-20b vs qwen3.6-4b");
    }

    @Test
    void saysWhatEachStageOfRetirementMeans() {
        assertThat(Retirement.sentence(new ModelSummary("a", "A", null, null, null, ModelStatus.ACTIVE))).isNull();
        assertThat(Retirement.sentence(new ModelSummary("a", "A", null, null, null, ModelStatus.DEPRECATED)))
                .isEqualTo("A is deprecated.");
        assertThat(Retirement.sentence(new ModelSummary("a", "A", null, null, null, ModelStatus.ACTIVE,
                LocalDate.of(2027, 1, 1), null))).isEqualTo("A is due to retire on 2027-01-01.");
        assertThat(Retirement.sentence(new ModelSummary("a", "A", null, null, null, ModelStatus.RETIRED,
                LocalDate.of(2026, 1, 1), "b"))).isEqualTo("A was retired on 2026-01-01.");
    }
}
