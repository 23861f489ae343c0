package org.llmreference.page.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.llmreference.contracts.catalog.SourceRef;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.contracts.comparison.CostPoint;
import org.llmreference.contracts.comparison.Fact;
import org.llmreference.contracts.comparison.FactRow;
import org.llmreference.contracts.comparison.ModelCost;
import org.llmreference.contracts.comparison.MonthlyCost;
import org.llmreference.contracts.comparison.TrafficProfile;

/** The comparison page beyond the golden pair: staleness, freshness, deltas, profiles, missing sections. */
class ComparisonPageTest {

    private final PageRenderer renderer = new PageRenderer(DemoPages.SITE);
    private final Comparison golden = DemoPages.golden();

    @Test
    void marksValuesVerifiedMoreThan90DaysBeforeRenderingAsPossiblyStale() {
        // Rendered 2026-05-22: 90 days before is 2026-02-21, which is not stale yet; the day before is.
        Fact old = new Fact("131k", "Old card", "https://example.com/old", LocalDate.of(2026, 2, 20));
        Fact borderline = new Fact("262k", "Recent card", "https://example.com/recent", LocalDate.of(2026, 2, 21));
        Comparison comparison = with(golden, List.of(new FactRow("Context window", old, borderline)),
                List.of(new SourceRef("Old source", "https://example.com/s", LocalDate.of(2025, 12, 1))));
        Document page = HtmlChecks.parse(renderer.comparison(DemoPages.page(comparison)));

        // Said once, at the top, with the oldest date; each stale cell carries only a small mark.
        assertThat(page.select("p.stale-notice")).hasSize(1);
        assertThat(page.selectFirst("p.stale-notice").text()).isEqualTo("Some values were last verified 2025-12-01,"
                + " 172 days before this page was rendered on 2026-05-22. They are marked \u25F7 and may have changed since.");
        assertThat(page.text()).doesNotContain("(stale?)");
        Element row = page.selectFirst("section[aria-labelledby=scorecard] tbody tr");
        assertThat(row.child(1).select("span.stale").text()).isEqualTo("\u25F7 (possibly stale)");
        assertThat(row.child(1).selectFirst("span.stale").attr("title"))
                .isEqualTo("Possibly stale: verified 2026-02-20, more than 90 days before this page");
        assertThat(row.child(2).select("span.stale")).isEmpty();
        assertThat(row.child(1).attr("title")).isEqualTo("Source: Old card, verified 2026-02-20"
                + " (possibly stale: verified more than 90 days before this page)");
        assertThat(page.select("section[aria-labelledby=scorecard] thead th").get(2).select("span.stale")).isEmpty();
        assertThat(page.select("ol.sources li").first().text())
                .isEqualTo("Old source, reviewed 2025-12-01\u25F7 (possibly stale)");
        assertThat(page.select("ol.notes li").eachText()).startsWith(
                "Old card, verified 2026-02-20\u25F7 (possibly stale)", "Recent card, verified 2026-02-21");
    }

    @Test
    void statesFreshnessWithOneDecimalBelowTenSecondsAndWholeSecondsAbove() {
        assertThat(freshness(Instant.parse("2026-05-22T10:00:00Z"), Instant.parse("2026-05-22T10:00:00.420Z")))
                .isEqualTo("Regenerated 0.4 s after the source change of 2026-05-22.");
        assertThat(freshness(Instant.parse("2026-05-22T10:00:00Z"), Instant.parse("2026-05-22T10:00:42.600Z")))
                .isEqualTo("Regenerated 43 s after the source change of 2026-05-22.");
        assertThat(freshness(Instant.parse("2026-05-21T23:59:59Z"), Instant.parse("2026-05-21T23:59:58Z")))
                .as("a renderer clock behind the editor's is never negative")
                .isEqualTo("Regenerated 0.0 s after the source change of 2026-05-21.");
    }

    @Test
    void saysFirstPublishedForTheFirstRevisionAndNothingWithoutChanges() {
        Document first = HtmlChecks.parse(renderer.comparison(new ComparisonPage(golden, 1, DemoPages.OCCURRED_AT,
                DemoPages.RENDERED_AT, List.of(new PageChange(1, DemoPages.OCCURRED_AT, List.of("title", "verdict"))))));
        assertThat(first.select("aside.changes li").eachText()).containsExactly("2026-05-22: First published (revision 1)");

        Document none = HtmlChecks.parse(renderer.comparison(new ComparisonPage(golden, 1, DemoPages.OCCURRED_AT,
                DemoPages.RENDERED_AT, null)));
        assertThat(none.select("aside.changes li")).isEmpty();
        assertThat(none.select("aside.changes p").text()).startsWith("Regenerated 0.4 s");
    }

    @Test
    void statesTheDeltaAndTheWholeTrafficProfileWhenBothModelsHaveACost() {
        TrafficProfile profile = new TrafficProfile("cached", 2_500_000, 1_200, 300, new BigDecimal("0.25"),
                new BigDecimal("0.1"), true);
        MonthlyCost cost = new MonthlyCost(profile, List.of(
                new ModelCost("gpt-oss-20b", new BigDecimal("1234.5"), "OpenRouter", "Groq", new BigDecimal("0.03"),
                        new BigDecimal("0.075"), "Cheapest tracked route/tier: OpenRouter and Groq"),
                new ModelCost("qwen3.5-4b", new BigDecimal("0.004"), "DeepInfra", "DeepInfra", new BigDecimal("0.01"),
                        new BigDecimal("0.02"), null)),
                new BigDecimal("-1234.496"), null, List.of(new CostPoint(2_500_000, new BigDecimal("1234.5"), new BigDecimal("0.004"))));
        Document page = HtmlChecks.parse(renderer.comparison(DemoPages.page(withCost(golden, cost))));
        Element section = page.selectFirst("section[aria-labelledby=monthly-cost]");

        assertThat(section.select("p.muted").first().text()).isEqualTo("Assumes 2,500,000 requests a month, 1,200 input"
                + " and 300 output tokens each. 25% of input tokens are served from cache. 10% of requests go above a"
                + " route's context tier. Batch prices apply where a route has them.");
        assertThat(section.select("p.amount").eachText()).containsExactly("$1,234.50", "<$0.01");
        assertThat(section.select("div.cost p.muted").eachText()).containsExactly(
                "$0.03 input and $0.075 output per 1M tokens", "$0.01 input and $0.02 output per 1M tokens");
        assertThat(section.text()).contains("Qwen3.5-4B costs $1,234.50 less a month than gpt-oss-20b.");
        assertThat(section.select("svg g.series-a circle, svg g.series-b circle")).hasSize(2);
        assertThat(section.select("svg g.legend text").eachText()).containsExactly("gpt-oss-20b", "Qwen3.5-4B");
    }

    @Test
    void leavesTheChartOutWhenNeitherModelHasACost() {
        MonthlyCost cost = new MonthlyCost(golden.monthlyCost().profile(), List.of(
                new ModelCost("gpt-oss-20b", null, null, null, null, null, "No complete token price in local provider data"),
                new ModelCost("qwen3.5-4b", null, null, null, null, null, "No complete token price in local provider data")),
                null, "Cost delta unavailable until both models have sourced input and output token prices.",
                List.of(new CostPoint(10_000, null, null)));
        Document page = HtmlChecks.parse(renderer.comparison(DemoPages.page(withCost(golden, cost))));

        assertThat(page.select("svg")).isEmpty();
        assertThat(page.select("section[aria-labelledby=monthly-cost] p.amount").eachText())
                .containsExactly("Unavailable", "Unavailable");
        assertThat(ReferencePageTest.rows(page.selectFirst("section[aria-labelledby=monthly-cost] table"), "tbody tr"))
                .containsExactly(List.of("10,000", "Unavailable", "Unavailable"));
    }

    @Test
    void rendersAComparisonWithOnlyItsRequiredParts() {
        Comparison bare = new Comparison("a-vs-b", golden.modelA(), golden.modelB(), "A vs B", null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null);
        String html = renderer.comparison(new ComparisonPage(bare, 1, DemoPages.OCCURRED_AT, DemoPages.RENDERED_AT, null));
        Document page = HtmlChecks.parse(html);

        HtmlChecks.assertWellFormedPage(html);
        assertThat(page.selectFirst("h1").text()).isEqualTo("A vs B");
        assertThat(page.select("meta[name=description], meta[property=og:description]")).isEmpty();
        assertThat(page.text()).contains("Continue comparing", "Last reviewed: -. Data sourced from public model cards"
                + " and provider documentation.");
    }

    private String freshness(Instant occurredAt, Instant renderedAt) {
        Document page = HtmlChecks.parse(renderer.comparison(new ComparisonPage(golden, 2, occurredAt, renderedAt, null)));
        return page.selectFirst("aside.changes p").text();
    }

    private static Comparison with(Comparison c, List<FactRow> scorecard, List<SourceRef> sources) {
        return new Comparison(c.pairId(), c.modelA(), c.modelB(), c.title(), c.intro(), c.verdict(), scorecard,
                c.tradeoffs(), c.monthlyCost(), c.switchFriction(), c.specs(), c.pricing(), c.capabilities(),
                c.benchmarks(), c.deepDive(), c.faq(), c.related(), c.lastReviewed(), sources);
    }

    private static Comparison withCost(Comparison c, MonthlyCost cost) {
        return new Comparison(c.pairId(), c.modelA(), c.modelB(), c.title(), c.intro(), c.verdict(), c.scorecard(),
                c.tradeoffs(), cost, c.switchFriction(), c.specs(), c.pricing(), c.capabilities(),
                c.benchmarks(), c.deepDive(), c.faq(), c.related(), c.lastReviewed(), c.sources());
    }
}
