package org.llmreference.page.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.llmreference.contracts.comparison.RelatedPair;

/**
 * Every page, structurally: language, one h1, headings in order, landmarks, tables with captions and
 * scoped headers in scrolling containers, a search that works by GET with a label, no JavaScript.
 */
class AccessibilityTest {

    private final PageRenderer renderer = new PageRenderer(DemoPages.SITE);
    private final List<ModelLink> models = List.of(new ModelLink("gpt-oss-20b", "gpt-oss-20b", "OpenAI"),
            new ModelLink("qwen3.5-4b", "Qwen3.5-4B", "Alibaba"));

    private Map<String, String> everyKindOfPage() {
        return Map.of(
                "comparison", renderer.comparison(DemoPages.goldenPage()),
                "model", renderer.model(PagesTest.gptOssModelPage()),
                "index", renderer.index(new IndexPage(null, models, DemoPages.RELATED)),
                "search", renderer.index(new IndexPage("qwen", models.subList(1, 2), List.of())),
                "gone", renderer.gone(new GonePage("gpt-oss-20b-vs-qwen3.5-4b", "gpt-oss-20b vs Qwen3.5-4B",
                        "Qwen3.5-4B was retired.", models.subList(0, 1))),
                "not found", renderer.notFound(new NotFoundPage("/models/qwen", models.subList(1, 2))));
    }

    @Test
    void everyPageIsWellFormedAndAccessible() {
        everyKindOfPage().forEach((kind, html) -> {
            try {
                HtmlChecks.assertWellFormedPage(html);
            } catch (AssertionError e) {
                throw new AssertionError("the " + kind + " page: " + e.getMessage(), e);
            }
        });
    }

    @Test
    void noPageCarriesJavaScriptButTheCalculatorsNorExternalResources() {
        everyKindOfPage().forEach((kind, html) -> {
            Document page = HtmlChecks.parse(html);
            assertThat(page.select("script:not([type=application/ld+json]):not([type=application/json])"))
                    .as(kind).allSatisfy(script -> {
                        assertThat(script.attr("src")).isEqualTo("/calculator.js");
                        assertThat(script.data()).isEmpty();
                    });
            assertThat(page.select("link[href]").eachAttr("href")).as(kind)
                    .allSatisfy(href -> assertThat(href).matches("/site\\.css|https://llmreference\\.org/.*"));
            assertThat(page.select("[style]")).as(kind).isEmpty();
        });
    }

    @Test
    void searchesByGetWithALabelledInput() {
        for (String html : List.of(renderer.index(new IndexPage(null, models, List.of())),
                renderer.notFound(new NotFoundPage("/nothing", List.of())))) {
            Element form = HtmlChecks.parse(html).selectFirst("form");
            assertThat(form.attr("action")).isEqualTo("/");
            assertThat(form.attr("method")).isEqualTo("get");
            Element input = form.selectFirst("input[name=q]");
            assertThat(input.attr("type")).isEqualTo("search");
            Element label = form.selectFirst("label[for=" + input.id() + "]");
            assertThat(label.text()).isEqualTo("Search models by name, id or vendor");
            assertThat(form.select("button[type=submit]").text()).isEqualTo("Search");
        }
    }

    @Test
    void marksTheSkipLinkAndTheMainLandmark() {
        Document page = HtmlChecks.parse(renderer.comparison(DemoPages.goldenPage()));
        assertThat(page.selectFirst("body > a.skip").attr("href")).isEqualTo("#main");
        assertThat(page.selectFirst("body > main").id()).isEqualTo("main");
        assertThat(page.select("section[aria-labelledby]")).allSatisfy(
                section -> assertThat(page.getElementById(section.attr("aria-labelledby"))).isNotNull());
        assertThat(page.select("div.scroll")).allSatisfy(scroll -> {
            assertThat(scroll.attr("tabindex")).isEqualTo("0");
            assertThat(scroll.attr("aria-label")).isNotBlank();
        });
    }

    @Test
    void servesOneSmallStylesheetWithoutExternalResources() {
        String css = PageRenderer.stylesheet();
        assertThat(css).isNotBlank().contains(".scroll{overflow-x:auto");
        assertThat(css.length()).isLessThan(8 * 1024);
        assertThat(css).doesNotContain("@import").doesNotContain("url(").doesNotContain("@font-face");
        assertThat(PageRenderer.STYLESHEET_PATH).isEqualTo("/site.css");
    }

    @Test
    void titlesAPageOfSearchResultsWithTheQueryAndKeepsItOutOfIndexes() {
        Document page = HtmlChecks.parse(renderer.index(new IndexPage("qwen", models.subList(1, 2), List.<RelatedPair>of())));
        assertThat(page.select("head > title").text()).isEqualTo("Models matching qwen | LLM Reference");
        assertThat(page.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
        assertThat(page.select("link[rel=canonical]")).isEmpty();
    }
}
