package org.llmreference.page.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmreference.page.rendering.HtmlChecks.assertInOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.llmreference.contracts.EventCodec;

import tools.jackson.databind.JsonNode;

/**
 * The golden pair, gpt-oss-20b vs qwen3.5-4b, computed by the engine from the demo catalog and
 * rendered: a visitor finds every section of the reference page
 * (its text is read from beside the repository when it is there), in
 * its order and with its words. The rendered page is saved as {@code target/golden.html}.
 */
class ReferencePageTest {

    private static String html;
    private static Document page;
    private static String text;

    @BeforeAll
    static void render() throws Exception {
        html = new PageRenderer(DemoPages.SITE).comparison(DemoPages.goldenPage());
        GoldenFile.write(html);
        page = HtmlChecks.parse(html);
        text = HtmlChecks.textWithoutMarks(page);
    }

    @Test
    void showsEveryLineOfTheReferencePageInOrder() throws Exception {
        List<String> lines = new ArrayList<>();
        for (String line : referencePage().split("\n")) {
            String words = line.replace("•", "").strip();
            // The reference page shows "-" for gpt-oss-20b's providers; the engine lists the nine
            // providers it tracks (GoldenComparisonTest pins that row), so only the label is checked.
            if (words.equals("Providers-")) {
                words = "Providers";
            }
            if (!words.isEmpty()) {
                lines.add(withoutSpaces(words));
            }
        }
        assertThat(lines).hasSizeGreaterThan(60);
        assertInOrder(withoutSpaces(text), lines);
    }

    @Test
    void showsTheReferenceSectionsAndFixedSentencesInOrder() {
        assertInOrder(text, List.of(
                "LLM Reference",
                "gpt-oss-20b vs Qwen3.5-4B",
                "gpt-oss-20b (2025) and Qwen3.5-4B (2026) are general-purpose language models from OpenAI and Alibaba.",
                "Qwen3.5-4B is safer overall; choose gpt-oss-20b when provider fit matters.",
                "Why: the score per dimension",
                "Decision scorecard",
                "Local evidence first",
                "Signal gpt-oss-20b Qwen3.5-4B",
                "Best for tool-calling agents and provider-routed production multimodal apps",
                "Decision fit RAG, Agents, and Long context Long context and Vision",
                "Context window 131k 262k",
                "Cheapest output $0.14/1M tokens -",
                "Provider routes 9 tracked 0 tracked",
                "Shared benchmarks 0 rows 0 rows",
                "Decision tradeoffs",
                "Choose gpt-oss-20b when...",
                "gpt-oss-20b has broader tracked provider coverage for fallback and procurement flexibility.",
                "Choose Qwen3.5-4B when...",
                "Qwen3.5-4B has the larger context window for long prompts, retrieval packs, or transcript analysis.",
                "Monthly cost at traffic",
                "Estimate token spend from the cheapest tracked input and output route or tier on this page.",
                "Assumes 1,000,000 requests a month, 800 input and 250 output tokens each.",
                "gpt-oss-20b", "$59.00", "Cheapest tracked route/tier: OpenRouter",
                "Qwen3.5-4B", "Unavailable", "No complete token price in local provider data",
                "Cost delta unavailable until both models have sourced input and output token prices.",
                "Switch friction",
                "gpt-oss-20b -> Qwen3.5-4B",
                "No overlapping tracked provider route is sourced for gpt-oss-20b and Qwen3.5-4B; plan for SDK, billing, or endpoint changes.",
                "Check replacement coverage for Function calling, Tool use, and Structured outputs before moving production traffic.",
                "Qwen3.5-4B adds Vision and Multimodal in local capability data.",
                "Qwen3.5-4B -> gpt-oss-20b",
                "No overlapping tracked provider route is sourced for Qwen3.5-4B and gpt-oss-20b; plan for SDK, billing, or endpoint changes.",
                "Check replacement coverage for Vision and Multimodal before moving production traffic.",
                "gpt-oss-20b adds Function calling, Tool use, and Structured outputs in local capability data.",
                "Specs",
                "Released 2025-08-05 2026-03-02",
                "Context window 131k 262k",
                "Parameters 20B 4B",
                "Architecture decoder only -",
                "License Open Weights Apache 2.0",
                "Knowledge cutoff 2025-08 -",
                "Pricing and availability",
                "Input price $0.03/1M tokens -",
                "Output price $0.14/1M tokens -",
                "Providers",
                "Capabilities",
                "Vision No Yes",
                "Multimodal No Yes",
                "Reasoning No No",
                "Function calling Yes No",
                "Parallel agents No No",
                "Benchmarks",
                "No shared benchmark rows are currently sourced for this pair.",
                "Deep dive",
                "The capability footprint differs most on vision",
                "FAQ",
                "Which has a larger context window, gpt-oss-20b or Qwen3.5-4B?",
                "Is gpt-oss-20b or Qwen3.5-4B open source?",
                "Where can I run gpt-oss-20b and Qwen3.5-4B?",
                "Continue comparing",
                "gpt-oss-120b vs gpt-oss-20b",
                "Last reviewed: 2026-05-22. Data sourced from public model cards and provider documentation."));
    }

    @Test
    void foldsTheScorePerDimensionUnderTheVerdict() {
        Element details = page.selectFirst("section.verdict details");
        assertThat(details.selectFirst("summary").text()).isEqualTo("Why: the score per dimension");
        Element table = details.selectFirst("table");
        assertThat(headers(table)).containsExactly("Dimension", "Weight", "gpt-oss-20b", "Qwen3.5-4B", "Reason");
        assertThat(rows(table, "tbody tr")).containsExactly(
                List.of("Context window", "20", "0.57", "0.71", "131k vs 262k tokens"),
                List.of("Capability breadth", "20", "0.30", "0.20", "3 vs 2 of 10 capabilities"),
                List.of("License openness", "15", "0.60", "1.00", "Open Weights vs Apache 2.0"),
                List.of("Provider coverage", "10", "0.81", "0.00", "9 vs 0 tracked routes"),
                List.of("Price", "10", "-", "-", "not scored: Qwen3.5-4B has no complete price"),
                List.of("Shared benchmarks", "10", "-", "-", "not scored: no shared benchmark rows"),
                List.of("Recency", "15", "0.71", "1.00", "released 2025-08-05 vs 2026-03-02"));
        assertThat(rows(table, "tfoot tr")).containsExactly(
                List.of("Total", "80", "56.6", "60.4", "out of 100, over the dimensions scored for both models"));
        assertThat(table.select("tr.not-scored")).hasSize(2);
    }

    @Test
    void laysTheScorecardOutUnderItsCaption() {
        Element table = page.selectFirst("section[aria-labelledby=scorecard] table");
        assertThat(table.selectFirst("caption").text()).isEqualTo("Local evidence first");
        assertThat(headers(table)).containsExactly("Signal", "gpt-oss-20b", "Qwen3.5-4B");
        assertThat(rows(table, "tbody tr")).containsExactly(
                List.of("Best for", "tool-calling agents and provider-routed production", "multimodal apps"),
                List.of("Decision fit", "RAG, Agents, and Long context", "Long context and Vision"),
                List.of("Context window", "131k", "262k"),
                List.of("Cheapest output", "$0.14/1M tokens", "-"),
                List.of("Provider routes", "9 tracked", "0 tracked"),
                List.of("Shared benchmarks", "0 rows", "0 rows"));
    }

    @Test
    void tracesEverySourcedCellToItsSource() {
        Element cheapest = page.select("section[aria-labelledby=scorecard] tbody tr").get(3).child(1);
        assertThat(cheapest.attr("title")).isEqualTo("Source: OpenRouter, verified 2026-05-22");
        String note = cheapest.selectFirst("sup.fn a").attr("href");
        Element footnote = page.getElementById(note.substring(1));
        assertThat(footnote.text()).isEqualTo("OpenRouter, verified 2026-05-22");
        assertThat(footnote.selectFirst("a").attr("href")).isEqualTo("https://openrouter.ai/openai/gpt-oss-20b");
        assertThat(footnote.selectFirst("a").attr("rel")).isEqualTo("nofollow noopener noreferrer");
        // The unknown cell has no source, and nothing is stale on a page reviewed the day it was rendered.
        assertThat(page.select("section[aria-labelledby=scorecard] tbody tr").get(3).child(2).hasAttr("title")).isFalse();
        assertThat(page.select(".stale")).isEmpty();
        // A column whose sourced cells share one source carries the mark in its header instead.
        Element capabilitiesB = page.select("section[aria-labelledby=capabilities] thead th").get(2);
        assertThat(capabilitiesB.select("sup.fn")).hasSize(1);
        assertThat(page.select("section[aria-labelledby=capabilities] tbody td")).allSatisfy(
                cell -> assertThat(cell.attr("title")).startsWith("Source: "));
    }

    @Test
    void chartsBothModelsMonthlyCostAsInlineSvgWithATextAlternative() {
        Element svg = page.selectFirst("section[aria-labelledby=monthly-cost] figure svg");
        assertThat(svg).isNotNull();
        assertThat(svg.attr("role")).isEqualTo("img");
        assertThat(svg.attr("aria-labelledby")).isEqualTo("cost-chart-title");
        assertThat(svg.getElementById("cost-chart-title").text())
                .isEqualTo("Monthly cost of gpt-oss-20b and Qwen3.5-4B by requests per month");
        Element seriesA = svg.selectFirst("g.series-a");
        assertThat(seriesA.selectFirst("> title").text()).isEqualTo("gpt-oss-20b");
        assertThat(seriesA.selectFirst("path").attr("d")).startsWith("M").contains(" L");
        assertThat(seriesA.select("circle")).hasSize(4);
        assertThat(svg.select("g.series-b")).as("Qwen3.5-4B has no cost to draw").isEmpty();
        assertThat(svg.select("g.legend text").eachText())
                .containsExactly("gpt-oss-20b", "Qwen3.5-4B: unavailable (no complete token price)");
        assertThat(svg.select("g.axes text").eachText()).contains("10k", "100k", "1M", "10M", "$0", "$600");

        Element points = page.select("section[aria-labelledby=monthly-cost] table").first();
        assertThat(headers(points)).containsExactly("Requests per month", "gpt-oss-20b", "Qwen3.5-4B");
        assertThat(rows(points, "tbody tr")).containsExactly(
                List.of("10,000", "$0.59", "Unavailable"),
                List.of("100,000", "$5.90", "Unavailable"),
                List.of("1,000,000", "$59.00", "Unavailable"),
                List.of("10,000,000", "$590.00", "Unavailable"));
    }

    @Test
    void linksTheRelatedComparisonsAndBothModels() {
        assertThat(page.select("section[aria-labelledby=continue] a").eachAttr("href")).containsExactly(
                "/compare/gpt-oss-120b-vs-gpt-oss-20b", "/compare/qwen3.5-4b-vs-qwen3.5-9b",
                "/models/gpt-oss-20b", "/models/qwen3.5-4b");
        assertThat(page.select("section[aria-labelledby=continue] a").eachText()).startsWith(
                "gpt-oss-120b vs gpt-oss-20b", "Qwen3.5-4B vs Qwen3.5-9B");
    }

    @Test
    void saysWhatChangedNewestFirstAndHowFreshThePageIs() {
        Element box = page.selectFirst("aside.changes");
        assertThat(box.selectFirst("h2").text()).isEqualTo("What changed");
        assertThat(box.selectFirst("p").text())
                .isEqualTo("Regenerated 0.4 s after the source change of 2026-05-22.");
        assertThat(box.select("li").eachText()).containsExactly(
                "2026-05-22: Verdict, Monthly cost, Pricing and availability (revision 3)",
                "2026-05-01: Specs (revision 2)",
                "2026-04-20: First published (revision 1)");
    }

    @Test
    void carriesCanonicalOpenGraphAndJsonLd() throws Exception {
        String canonical = "https://llmreference.org/compare/gpt-oss-20b-vs-qwen3.5-4b";
        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo(canonical);
        assertThat(page.select("meta[property=og:title]").attr("content")).isEqualTo("gpt-oss-20b vs Qwen3.5-4B");
        assertThat(page.select("meta[property=og:description]").attr("content"))
                .isEqualTo("Qwen3.5-4B is safer overall; choose gpt-oss-20b when provider fit matters.");
        assertThat(page.select("meta[name=description]").attr("content"))
                .isEqualTo("Qwen3.5-4B is safer overall; choose gpt-oss-20b when provider fit matters.");
        assertThat(page.select("meta[property=og:url]").attr("content")).isEqualTo(canonical);
        assertThat(page.select("meta[property=og:type]").attr("content")).isEqualTo("article");
        assertThat(page.select("meta[property=og:site_name]").attr("content")).isEqualTo("LLM Reference");

        assertThat(page.select("head script")).hasSize(1);
        Element script = page.selectFirst("head script[type=application/ld+json]");
        JsonNode json = EventCodec.mapper().readTree(script.data());
        assertThat(json.get("@context").asString()).isEqualTo("https://schema.org");
        assertThat(json.get("@type").asString()).isEqualTo("WebPage");
        assertThat(json.get("url").asString()).isEqualTo(canonical);
        assertThat(json.get("name").asString()).isEqualTo("gpt-oss-20b vs Qwen3.5-4B");
        assertThat(json.get("description").asString())
                .isEqualTo("Qwen3.5-4B is safer overall; choose gpt-oss-20b when provider fit matters.");
        assertThat(json.get("dateModified").asString()).isEqualTo("2026-05-22T10:15:30Z");
        assertThat(json.get("lastReviewed").asString()).isEqualTo("2026-05-22");
        assertThat(json.get("about").get(0).get("name").asString()).isEqualTo("gpt-oss-20b");
        assertThat(json.get("about").get(1).get("name").asString()).isEqualTo("Qwen3.5-4B");
        assertThat(json.get("about").get(1).get("url").asString()).isEqualTo("https://llmreference.org/models/qwen3.5-4b");
    }

    @Test
    void isAWellFormedAccessiblePage() {
        HtmlChecks.assertWellFormedPage(html);
        assertThat(page.selectFirst("h1").text()).isEqualTo("gpt-oss-20b vs Qwen3.5-4B");
        assertThat(page.select("h2").eachText()).containsSubsequence("Verdict", "Decision scorecard",
                "Decision tradeoffs", "Monthly cost at traffic", "Switch friction", "Specs", "Pricing and availability",
                "Capabilities", "Benchmarks", "Deep dive", "FAQ", "Continue comparing", "Sources", "What changed");
        assertThat(page.select("section[aria-labelledby=faq] h3")).hasSize(6);
    }

    static List<String> headers(Element table) {
        List<String> headers = new ArrayList<>();
        for (Element th : table.select("thead th")) {
            Element copy = th.clone();
            copy.select("sup.fn, span.stale").remove();
            headers.add(copy.text());
        }
        return headers;
    }

    static List<List<String>> rows(Element table, String rowSelector) {
        List<List<String>> rows = new ArrayList<>();
        for (Element row : table.select(rowSelector)) {
            List<String> cells = new ArrayList<>();
            for (Element cell : row.children()) {
                Element copy = cell.clone();
                copy.select("sup.fn, span.stale").remove();
                cells.add(copy.text());
            }
            rows.add(cells);
        }
        return rows;
    }

    /**
     * The reference page's text, kept beside the repository (not in it): {@code llmref.reference} or
     * {@code ../../shared/reference/} from this module. The test skips, saying so, where it is absent;
     * the fixed sentences above are checked everywhere.
     */
    private static String referencePage() throws Exception {
        Path file = Path.of(System.getProperty("llmref.reference", "../../shared/reference/gpt-oss-20b-vs-qwen3.5-4b.txt"));
        Assumptions.assumeTrue(Files.isRegularFile(file), "skipped: the reference page " + file.toAbsolutePath() + " is not there");
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static String withoutSpaces(String text) {
        return text.replaceAll("\\s+", "");
    }
}
