package org.llmreference.page.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.llmreference.contracts.EventCodec;
import org.llmreference.contracts.catalog.ModelStatus;
import org.llmreference.contracts.catalog.SourceRef;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.contracts.comparison.CostPoint;
import org.llmreference.contracts.comparison.Fact;
import org.llmreference.contracts.comparison.FactRow;
import org.llmreference.contracts.comparison.FactTable;
import org.llmreference.contracts.comparison.Faq;
import org.llmreference.contracts.comparison.ModelCost;
import org.llmreference.contracts.comparison.ModelSummary;
import org.llmreference.contracts.comparison.MonthlyCost;
import org.llmreference.contracts.comparison.RelatedPair;
import org.llmreference.contracts.comparison.SwitchFriction;
import org.llmreference.contracts.comparison.Tradeoff;
import org.llmreference.contracts.comparison.Verdict;

import tools.jackson.databind.JsonNode;

/**
 * Catalog text is data, never markup: script, attribute-breaking and URL payloads in every field a
 * page shows come out as text, no element gains an event handler, no link runs script, the JSON-LD
 * stays JSON and the SVG chart stays SVG.
 */
class EscapingTest {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "\"><img src=x onerror=alert(1)>";
    static final String QUOTE = "' onmouseover='x";
    static final String NAME_A = "A</script><script>alert(1)</script>";
    static final String NAME_B = "B ]]> & <![CDATA[ " + QUOTE;
    static final String VENDOR = IMG;
    static final String TAG = QUOTE + " " + SCRIPT;
    static final String PROVIDER = "Evil" + IMG;
    static final String QUESTION = "Which " + SCRIPT + " is better?";
    static final String ANSWER = "Answer " + IMG + " " + QUOTE;
    static final String SOURCE_TITLE = "Card " + SCRIPT;
    static final List<String> BAD_URLS = List.of("javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "/relative/path", "//evil.example/x",
            "https://exa mple.com/", "https:opaque", "http://");

    private final ModelSummary modelA = new ModelSummary("a-model", NAME_A, VENDOR, 2025, 131_072, ModelStatus.ACTIVE);
    private final ModelSummary modelB = new ModelSummary("b-model", NAME_B, SCRIPT, 2026, null, ModelStatus.ACTIVE);

    @Test
    void rendersEveryPayloadOfTheComparisonAsText() throws Exception {
        String html = new PageRenderer(DemoPages.SITE).comparison(DemoPages.page(hostile()));
        Document page = HtmlChecks.parse(html);

        HtmlChecks.assertWellFormedPage(html);
        assertThat(html).doesNotContain(SCRIPT).doesNotContain("<img").doesNotContain("</script><script>");

        assertThat(page.selectFirst("h1").text()).isEqualTo(NAME_A + " vs " + NAME_B);
        assertThat(page.select("head > title").text()).isEqualTo(NAME_A + " vs " + NAME_B + " | LLM Reference");
        assertThat(page.selectFirst("p.intro").text()).isEqualTo("Intro " + SCRIPT);
        assertThat(page.selectFirst("p.verdict-sentence").text()).isEqualTo(IMG);
        assertThat(page.select("meta[property=og:description]").attr("content")).isEqualTo(IMG);
        Element scorecard = page.selectFirst("section[aria-labelledby=scorecard] table");
        assertThat(ReferencePageTest.headers(scorecard)).containsExactly("Signal", NAME_A, NAME_B);
        assertThat(ReferencePageTest.rows(scorecard, "tbody tr").get(0)).containsExactly("Decision fit", TAG, "-");
        assertThat(page.select("section[aria-labelledby=tradeoffs] h3").eachText())
                .containsExactly("Choose " + NAME_A + " when...", "Choose " + NAME_B + " when...");
        assertThat(page.select("section[aria-labelledby=tradeoffs] li").eachText()).contains(TAG);
        assertThat(page.select("section[aria-labelledby=switch-friction] h3").eachText())
                .containsExactly(NAME_A + " -> " + NAME_B, NAME_B + " -> " + NAME_A);
        assertThat(page.select("div.cost p").eachText()).contains("Cheapest tracked route/tier: " + PROVIDER);
        assertThat(ReferencePageTest.rows(page.selectFirst("section[aria-labelledby=pricing] table"), "tbody tr"))
                .contains(List.of("Providers", PROVIDER, QUOTE));
        assertThat(page.select("section[aria-labelledby=faq] h3").eachText()).containsExactly(QUESTION);
        assertThat(page.select("section[aria-labelledby=faq] p").eachText()).containsExactly(ANSWER);
        assertThat(page.select("section[aria-labelledby=deep-dive] p").eachText()).containsExactly(SCRIPT);
        assertThat(page.select("section[aria-labelledby=continue] li a").eachText()).containsExactly(SCRIPT);
        assertThat(page.select("section[aria-labelledby=continue] li a").attr("href"))
                .isEqualTo("/compare/..%2F..%2Fadmin%3Fx%3D%22%3E%3Cscript%3E%23y");
        assertThat(page.select("section[aria-labelledby=continue] p a").eachAttr("href"))
                .containsExactly("/models/a-model", "/models/b-model");
    }

    @Test
    void linksOnlyHttpSourcesAndShowsTheRestAsText() {
        Document page = HtmlChecks.parse(new PageRenderer(DemoPages.SITE).comparison(DemoPages.page(hostile())));

        List<Element> sources = page.select("ol.sources li");
        assertThat(sources).hasSize(BAD_URLS.size() + 1);
        for (int i = 0; i < BAD_URLS.size(); i++) {
            Element source = sources.get(i);
            assertThat(source.select("a")).as("no link for %s", BAD_URLS.get(i)).isEmpty();
            assertThat(source.text()).startsWith(SOURCE_TITLE + " (");
            assertThat(source.selectFirst("span.url").wholeText()).isEqualTo(BAD_URLS.get(i));
        }
        Element good = sources.get(BAD_URLS.size()).selectFirst("a");
        assertThat(good.attr("href")).isEqualTo("https://example.com/card?a=1&b='2'");
        assertThat(good.attr("rel")).isEqualTo("nofollow noopener noreferrer");
        assertThat(good.text()).isEqualTo(SOURCE_TITLE);

        // The cell notes: a javascript: source of a cell is no link either.
        assertThat(page.select("ol.notes li").eachText()).anySatisfy(
                note -> assertThat(note).contains(SOURCE_TITLE).contains("JaVaScRiPt:alert(1)"));
        assertThat(page.select("ol.notes a").eachAttr("href")).allSatisfy(href -> assertThat(href).startsWith("https://"));
        // Its cell says where it comes from on hover, as text.
        assertThat(page.select("td[title]").eachAttr("title")).contains("Source: " + SOURCE_TITLE + ", verified 2026-05-01");
    }

    @Test
    void keepsTheJsonLdJsonWithTheNamesInIt() throws Exception {
        String html = new PageRenderer(DemoPages.SITE).comparison(DemoPages.page(hostile()));
        Document page = HtmlChecks.parse(html);

        assertThat(page.select("script[type=application/ld+json]")).hasSize(1);
        String data = page.selectFirst("script[type=application/ld+json]").data();
        assertThat(data).doesNotContain("<").doesNotContain(">").doesNotContain("&");
        JsonNode json = EventCodec.mapper().readTree(data);
        assertThat(json.get("name").asString()).isEqualTo(NAME_A + " vs " + NAME_B);
        assertThat(json.get("description").asString()).isEqualTo(IMG);
        assertThat(json.get("about").get(0).get("name").asString()).isEqualTo(NAME_A);
        assertThat(json.get("about").get(0).get("creator").get("name").asString()).isEqualTo(VENDOR);
        assertThat(json.get("about").get(1).get("name").asString()).isEqualTo(NAME_B);
    }

    @Test
    void escapesTheNamesInTheSvgChart() {
        Document page = HtmlChecks.parse(new PageRenderer(DemoPages.SITE).comparison(DemoPages.page(hostile())));

        Element svg = page.selectFirst("figure.chart svg");
        assertThat(svg.getElementById(CostChart.TITLE_ID).text()).isEqualTo(CostChart.title(NAME_A, NAME_B));
        assertThat(svg.selectFirst("g.series-a > title").text()).isEqualTo(NAME_A);
        assertThat(svg.selectFirst("g.series-b > title").text()).isEqualTo(NAME_B);
        assertThat(svg.select("g.legend text").eachText()).containsExactly(NAME_A, NAME_B);
        assertThat(svg.select("g.series-b circle title").eachText()).first().isEqualTo(NAME_B + ": $1.00 a month at 10,000 requests");
        assertThat(svg.select("*")).allSatisfy(element -> assertThat(element.tagName())
                .isIn("svg", "title", "g", "line", "text", "path", "circle"));
    }

    @Test
    void dropsCharactersXmlCannotCarryFromTheSvgMarkup() {
        assertThat(Xml.escape("gpt\uFFFF-oss\uFFFE \uD800x\u0007 \uD83D\uDE80 <a>"))
                .isEqualTo("gpt-oss x \uD83D\uDE80 &lt;a&gt;");
    }

    @Test
    void escapesEveryOtherPage() {
        PageRenderer renderer = new PageRenderer(DemoPages.SITE);
        ModelLink hostileLink = new ModelLink("x/../../y?z#w", NAME_A, VENDOR);

        String model = renderer.model(new ModelPage(modelA,
                List.of(new FactRow(TAG, new Fact(SCRIPT, SOURCE_TITLE, "javascript:alert(1)", LocalDate.of(2026, 1, 1)), null)),
                List.of(new RelatedPair("p<q", SCRIPT))));
        String index = renderer.index(new IndexPage(IMG, List.of(hostileLink), List.of(new RelatedPair("p\"q", QUOTE))));
        String gone = renderer.gone(new GonePage("a-vs-b", NAME_A, ANSWER, List.of(hostileLink)));
        String notFound = renderer.notFound(new NotFoundPage("/compare/" + SCRIPT, List.of(hostileLink)));

        for (String html : List.of(model, index, gone, notFound)) {
            HtmlChecks.assertWellFormedPage(html);
            assertThat(html).doesNotContain(SCRIPT).doesNotContain("<img");
            assertThat(HtmlChecks.parse(html).select("script")).isEmpty();
        }
        Document modelPage = HtmlChecks.parse(model);
        assertThat(modelPage.selectFirst("h1").text()).isEqualTo(NAME_A);
        assertThat(modelPage.select("dd").first().text()).isEqualTo(VENDOR);
        assertThat(ReferencePageTest.rows(modelPage.selectFirst("table"), "tbody tr")).containsExactly(List.of(TAG, SCRIPT));
        assertThat(modelPage.select("ol.notes a")).isEmpty();
        assertThat(modelPage.select("section[aria-labelledby=comparisons] a").attr("href")).isEqualTo("/compare/p%3Cq");

        Document indexPage = HtmlChecks.parse(index);
        assertThat(indexPage.select("input[name=q]").attr("value")).isEqualTo(IMG);
        assertThat(indexPage.getElementById("models").text()).isEqualTo("Models matching “" + IMG + "”");
        assertThat(indexPage.select("section[aria-labelledby=models] a").attr("href")).isEqualTo("/models/x%2F..%2F..%2Fy%3Fz%23w");
        assertThat(indexPage.select("section[aria-labelledby=latest] a").attr("href")).isEqualTo("/compare/p%22q");

        Document gonePage = HtmlChecks.parse(gone);
        assertThat(gonePage.select("main p").eachText()).contains(NAME_A + " is no longer published.", "Reason: " + ANSWER);

        Document notFoundPage = HtmlChecks.parse(notFound);
        assertThat(notFoundPage.selectFirst("main code").text()).isEqualTo("/compare/" + SCRIPT);
    }

    /** The golden comparison with a payload in every text a visitor sees. */
    private Comparison hostile() {
        Comparison golden = DemoPages.golden();
        Fact tagged = new Fact(TAG, null, null, null);
        Fact badSource = new Fact("131k", SOURCE_TITLE, "JaVaScRiPt:alert(1)", LocalDate.of(2026, 5, 1));
        FactTable pricing = new FactTable("Pricing and availability", "Pricing attribute", List.of(
                new FactRow("Providers", new Fact(PROVIDER, PROVIDER, " javascript:alert(1)", LocalDate.of(2026, 5, 1)),
                        new Fact(QUOTE, null, "data:text/html,<script>alert(1)</script>", null))), null);
        MonthlyCost cost = new MonthlyCost(golden.monthlyCost().profile(), List.of(
                new ModelCost("a-model", new BigDecimal("59.00"), PROVIDER, PROVIDER, new BigDecimal("0.03"),
                        new BigDecimal("0.14"), "Cheapest tracked route/tier: " + PROVIDER),
                new ModelCost("b-model", new BigDecimal("100.00"), PROVIDER, PROVIDER, new BigDecimal("0.05"),
                        new BigDecimal("0.24"), SCRIPT)),
                new BigDecimal("41.00"), IMG, List.of(
                        new CostPoint(10_000, new BigDecimal("0.59"), new BigDecimal("1.00")),
                        new CostPoint(1_000_000, new BigDecimal("59.00"), new BigDecimal("100.00"))));
        List<SourceRef> sources = new java.util.ArrayList<>();
        for (String url : BAD_URLS) {
            sources.add(new SourceRef(SOURCE_TITLE, url, LocalDate.of(2026, 5, 1)));
        }
        sources.add(new SourceRef(SOURCE_TITLE, "https://example.com/card?a=1&b='2'", LocalDate.of(2026, 5, 1)));
        return new Comparison(
                "a-model-vs-b-model", modelA, modelB,
                NAME_A + " vs " + NAME_B,
                "Intro " + SCRIPT,
                new Verdict("b-model", "a-model", SCRIPT, IMG, golden.verdict().dimensions(), golden.verdict().totalA(),
                        golden.verdict().totalB()),
                List.of(new FactRow("Decision fit", tagged, Fact.unknown()), new FactRow("Context window", badSource, Fact.unknown())),
                List.of(new Tradeoff("a-model", List.of(TAG)), new Tradeoff("b-model", List.of(IMG))),
                cost,
                List.of(new SwitchFriction("a-model", "b-model", List.of(SCRIPT)),
                        new SwitchFriction("b-model", "a-model", List.of(QUOTE))),
                golden.specs(),
                pricing,
                golden.capabilities(),
                new FactTable("Benchmarks", "Benchmark", List.of(), SCRIPT),
                List.of(SCRIPT),
                List.of(new Faq(QUESTION, ANSWER)),
                List.of(new RelatedPair("../../admin?x=\"><script>#y", SCRIPT)),
                LocalDate.of(2026, 5, 22),
                sources);
    }
}
