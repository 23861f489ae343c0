package org.llmreference.page.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.contracts.pricing.PriceStep;

/** The price history of each side's cheapest route on a comparison page. */
class PriceHistoryPageTest {

    private final PageRenderer renderer = new PageRenderer(DemoPages.SITE);
    private final Comparison golden = DemoPages.golden();

    static PriceStep step(String at, String input, String output) {
        return new PriceStep(Instant.parse(at), new BigDecimal(input), new BigDecimal(output), null, null, null, null,
                "editor");
    }

    Comparison withHistories(List<PriceStep> a, List<PriceStep> b) {
        Comparison c = golden;
        return new Comparison(c.pairId(), c.modelA(), c.modelB(), c.title(), c.intro(), c.verdict(), c.scorecard(),
                c.tradeoffs(), c.monthlyCost(), c.switchFriction(), c.specs(), c.pricing(), c.capabilities(),
                c.benchmarks(), c.deepDive(), c.faq(), c.related(), c.lastReviewed(), c.sources(), c.routesA(), c.routesB(), a, b);
    }

    Document render(Comparison comparison) {
        String html = renderer.comparison(new ComparisonPage(comparison, 2, DemoPages.OCCURRED_AT, DemoPages.RENDERED_AT,
                List.of()));
        HtmlChecks.assertWellFormedPage(html);
        return HtmlChecks.parse(html);
    }

    @Test
    void threePricesGiveAStepChartAndATableOfThreeDatedRows() {
        Document page = render(withHistories(List.of(step("2026-01-01T00:00:00Z", "0.05", "0.2"),
                step("2026-03-01T00:00:00Z", "0.05", "0.14"), step("2026-05-01T00:00:00Z", "0.03", "0.14")), List.of()));

        assertThat(page.select("div.price-history")).hasSize(1);
        assertThat(page.select("div.price-history svg path.output").attr("d").split(" L").length).isEqualTo(6);
        assertThat(page.select("div.price-history tbody tr").eachText()).containsExactly(
                "2026-01-01 $0.05 $0.20 editor", "2026-03-01 $0.05 $0.14 editor", "2026-05-01 $0.03 $0.14 editor");
    }

    @Test
    void oneDatedPriceShowsItsRowAndNoChart() {
        Document page = render(withHistories(List.of(), List.of(step("2026-05-01T00:00:00Z", "0.1", "0.4"))));

        assertThat(page.select("div.price-history svg")).isEmpty();
        assertThat(page.select("div.price-history tbody tr").eachText()).containsExactly("2026-05-01 $0.10 $0.40 editor");
    }

    @Test
    void theTitleIsEscapedInTheChart() {
        Comparison c = withHistories(List.of(step("2026-01-01T00:00:00Z", "1", "2"), step("2026-02-01T00:00:00Z", "1", "3")),
                List.of());
        String svg = PriceHistoryChart.of("<script>alert(1)</script> & co", c.historyA()).svg();

        assertThat(svg).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co").doesNotContain("<script>");
    }

    @Test
    void noHistoryNoSection() {
        assertThat(render(golden).select("div.price-history")).isEmpty();
    }
}
