package org.llmreference.page.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmreference.page.rendering.PriceHistoryPageTest.step;

import java.time.Instant;
import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.contracts.comparison.CostPoint;
import org.llmreference.contracts.comparison.ModelCost;
import org.llmreference.contracts.comparison.RouteCost;
import org.llmreference.contracts.pricing.PriceStep;
import org.llmreference.contracts.pricing.UpstreamSource;

/**
 * What changed, in words, on a comparison page, and a model page's price history and feed: the words
 * come from {@link WhatChanged} and are escaped like every other text.
 */
class HistoryOnPagesTest {

    private final PageRenderer renderer = new PageRenderer(DemoPages.SITE);
    private final Comparison golden = DemoPages.golden();

    static final List<PriceStep> THREE_CUTS = List.of(step("2026-01-01T00:00:00Z", "0.05", "0.20"),
            step("2026-02-01T00:00:00Z", "0.05", "0.16"), step("2026-03-01T00:00:00Z", "0.04", "0.14"),
            step("2026-04-01T00:00:00Z", "0.04", "0.12"));

    Document comparisonPage(List<PageChange> changes) {
        String html = renderer.comparison(new ComparisonPage(golden, 3, DemoPages.OCCURRED_AT, DemoPages.RENDERED_AT,
                changes));
        HtmlChecks.assertWellFormedPage(html);
        return HtmlChecks.parse(html);
    }

    Document modelPage(List<PriceStep> history, Workload workload) {
        return modelPage(golden.routesA(), history, workload);
    }

    Document modelPage(List<RouteCost> routes, List<PriceStep> history, Workload workload) {
        ModelCost cost = golden.monthlyCost().models().stream().filter(m -> m.modelId().equals(DemoPages.GPT))
                .findFirst().orElseThrow();
        List<CostPoint> curve = golden.monthlyCost().curve().stream()
                .map(point -> new CostPoint(point.requestsPerMonth(), point.modelAUsd(), null)).toList();
        ModelPricing pricing = new ModelPricing(golden.monthlyCost().profile(), routes, cost, curve, history);
        String html = renderer.model(new ModelPage(golden.modelA(), List.of(), List.of(), pricing, workload));
        HtmlChecks.assertWellFormedPage(html);
        return HtmlChecks.parse(html);
    }

    @Test
    void whatChangedSaysTheOldAndNewPricesWhenTheyAreKnown() {
        Document page = comparisonPage(List.of(
                new PageChange(3, DemoPages.OCCURRED_AT, List.of("pricing", "monthlyCost"),
                        "gpt-oss-20b: OpenRouter output $0.14 → $0.12 per 1M tokens, monthly cost $59.00 → $54.00"
                                + " on 2026-05-22; verdict unchanged"),
                new PageChange(2, Instant.parse("2026-05-01T08:00:00Z"), List.of("specs")),
                new PageChange(1, Instant.parse("2026-04-20T08:00:00Z"), List.of("title"))));

        assertThat(page.select("aside.changes li").eachText()).containsExactly(
                "2026-05-22: gpt-oss-20b: OpenRouter output $0.14 → $0.12 per 1M tokens, monthly cost $59.00 → $54.00"
                        + " on 2026-05-22; verdict unchanged. Changed: Monthly cost, Pricing and availability (revision 3)",
                "2026-05-01: Specs (revision 2)",
                "2026-04-20: First published (revision 1)");
    }

    @Test
    void whatChangedTextIsEscaped() {
        String html = renderer.comparison(new ComparisonPage(golden, 2, DemoPages.OCCURRED_AT, DemoPages.RENDERED_AT,
                List.of(new PageChange(2, DemoPages.OCCURRED_AT, List.of("pricing"),
                        "<script>alert(1)</script>: output $1 → $2 per 1M tokens; verdict unchanged"))));

        assertThat(html).doesNotContain("<script>alert(1)</script>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;: output $1 → $2 per 1M tokens; verdict unchanged. Changed:");
    }

    @Test
    void aFirstRevisionSaysFirstPublishedWhateverItsText() {
        assertThat(new PageChange(1, DemoPages.OCCURRED_AT, List.of("title"), "anything").description())
                .isEqualTo(PageChange.FIRST_PUBLISHED);
        assertThat(new PageChange(2, DemoPages.OCCURRED_AT, List.of("specs"), " ").description()).isEqualTo("Specs");
    }

    @Test
    void aModelPageShowsItsCheapestRoutesHistoryAsAStepChartWithItsTable() {
        Document page = modelPage(THREE_CUTS, null);

        assertThat(page.select("#price-history")).hasSize(1);
        assertThat(page.select("section:has(#price-history) div.price-history h3").text())
                .isEqualTo("Price of gpt-oss-20b on " + golden.monthlyCost().models().get(0).outputRoute() + " over time");
        assertThat(page.select("section:has(#price-history) svg path.output").attr("d").split(" L").length)
                .as("four prices: a start and three steps, each a vertical and a horizontal segment").isEqualTo(8);
        assertThat(page.select("section:has(#price-history) tbody tr").eachText()).containsExactly(
                "2026-01-01 $0.05 $0.20 editor", "2026-02-01 $0.05 $0.16 editor", "2026-03-01 $0.04 $0.14 editor",
                "2026-04-01 $0.04 $0.12 editor");
    }

    @Test
    void aModelPageWithoutHistorySaysSo() {
        Document page = modelPage(List.of(), null);

        assertThat(page.select("section:has(#price-history) svg")).isEmpty();
        assertThat(page.select("section:has(#price-history)").text()).contains("No dated price is recorded for gpt-oss-20b yet.");
    }

    @Test
    void atAVisitorsWorkloadTheHistoryNamesNoRoute() {
        Document page = modelPage(THREE_CUTS, new Workload("1000", "800", "250", "0", "0", "0", null, true));

        assertThat(page.select("section:has(#price-history) div.price-history h3").text())
                .isEqualTo("Price of gpt-oss-20b over time");
    }

    @Test
    void aModelPageLinksItsOwnFeed() {
        Document page = modelPage(List.of(), null);

        assertThat(page.select("head link[rel=alternate][type=application/atom+xml]").attr("href"))
                .isEqualTo("https://llmreference.org/models/gpt-oss-20b/feed.xml");
        assertThat(page.select("a[href=/models/gpt-oss-20b/feed.xml]").text()).contains("Atom feed");
    }

    static RouteCost withUpstream(RouteCost route, UpstreamSource upstream) {
        return new RouteCost(route.providerId(), route.providerName(), route.terms(), route.monthlyUsd(), route.cheapest(),
                route.unfit(), upstream);
    }

    @Test
    void theRouteTableLinksAnImportedRoutesUpstreamFileAtItsCommitAndListsTheFoldedVariants() {
        List<RouteCost> routes = new java.util.ArrayList<>(golden.routesA());
        routes.set(0, withUpstream(routes.get(0), new UpstreamSource("openai/gpt-oss-20b:free",
                "providers/openrouter/models/openai/gpt-oss-20b.toml", "3f2c9e1d8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e",
                Instant.parse("2026-05-20T14:02:11Z"), List.of("providers/openrouter/models/openai/gpt-oss-20b-flex.toml"))));

        Document page = modelPage(routes, List.of(), null);

        var link = page.selectFirst("table.routes a.upstream");
        assertThat(link.attr("href")).isEqualTo("https://github.com/anomalyco/models.dev/blob/"
                + "3f2c9e1d8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e/providers/openrouter/models/openai/gpt-oss-20b.toml");
        assertThat(link.text()).isEqualTo("openai/gpt-oss-20b:free");
        assertThat(link.attr("title")).isEqualTo("providers/openrouter/models/openai/gpt-oss-20b.toml at commit 3f2c9e1");
        assertThat(page.select("table.routes details.folded").text())
                .isEqualTo("also folded: 1 providers/openrouter/models/openai/gpt-oss-20b-flex.toml");
        assertThat(page.select("table.routes a.upstream")).hasSize(1);
    }

    @Test
    void upstreamIdsAndPathsAreEscapedAndAPathIsLinkedOnlyAtAHexCommit() {
        List<RouteCost> routes = new java.util.ArrayList<>(golden.routesA());
        routes.set(0, withUpstream(routes.get(0), new UpstreamSource("<script>alert(1)</script>",
                "providers/x/\"><img src=x onerror=alert(2)> a?b#c.toml", "3f2c9e1d8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e", null,
                List.of("<b>folded</b>"))));
        routes.set(1, withUpstream(routes.get(1), new UpstreamSource("x", "providers/x.toml", "javascript:alert(3)", null,
                List.of())));

        String html = renderer.model(new ModelPage(golden.modelA(), List.of(), List.of(), new ModelPricing(
                golden.monthlyCost().profile(), routes, golden.monthlyCost().models().get(0), List.of(), List.of()), null));
        HtmlChecks.assertWellFormedPage(html);
        Document page = HtmlChecks.parse(html);

        assertThat(html).doesNotContain("<script>alert(1)", "<img src=x", "<b>folded</b>", "javascript:");
        assertThat(page.select("table.routes a.upstream").first().attr("href"))
                .isEqualTo("https://github.com/anomalyco/models.dev/blob/3f2c9e1d8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e/"
                        + "providers/x/%22%3E%3Cimg%20src=x%20onerror=alert(2)%3E%20a%3Fb%23c.toml");
        assertThat(page.select("table.routes .upstream[title=providers/x.toml]").text())
                .as("a commit that is not a hex id gives no link to the file").isEqualTo("x");
    }
}
