package org.llmreference.page.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.llmreference.contracts.catalog.ModelStatus;
import org.llmreference.contracts.comparison.Fact;
import org.llmreference.contracts.comparison.FactRow;
import org.llmreference.contracts.comparison.ModelSummary;
import org.llmreference.contracts.comparison.RelatedPair;

/** The model page, the front page, the withdrawn (410) and the not-found (404) pages. */
class PagesTest {

    private final PageRenderer renderer = new PageRenderer(DemoPages.SITE);
    private final List<ModelLink> models = List.of(new ModelLink("gpt-oss-20b", "gpt-oss-20b", "OpenAI"),
            new ModelLink("qwen3.5-4b", "Qwen3.5-4B", null));

    static ModelPage gptOssModelPage() {
        Fact card = new Fact("131k", "OpenAI model card", "https://openai.com/index/introducing-gpt-oss/", LocalDate.of(2026, 5, 22));
        return new ModelPage(new ModelSummary("gpt-oss-20b", "gpt-oss-20b", "OpenAI", 2025, 131_072, ModelStatus.ACTIVE),
                List.of(new FactRow("Context window", card, Fact.unknown()),
                        new FactRow("Architecture", Fact.unknown(), Fact.unknown()),
                        new FactRow("Output price", new Fact("$0.14/1M tokens", "OpenRouter", "https://openrouter.ai/openai/gpt-oss-20b",
                                LocalDate.of(2026, 5, 22)), null)),
                List.of(new RelatedPair("gpt-oss-20b-vs-qwen3.5-4b", "gpt-oss-20b vs Qwen3.5-4B"),
                        new RelatedPair("gpt-oss-120b-vs-gpt-oss-20b", "gpt-oss-120b vs gpt-oss-20b")));
    }

    @Test
    void modelPageShowsTheModelItsFactsAndItsComparisons() {
        Document page = HtmlChecks.parse(renderer.model(gptOssModelPage()));

        assertThat(page.selectFirst("h1").text()).isEqualTo("gpt-oss-20b");
        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo("https://llmreference.org/models/gpt-oss-20b");
        assertThat(page.select("dl.summary dt").eachText()).containsExactly("Vendor", "Released", "Context window", "Status");
        assertThat(page.select("dl.summary dd").eachText()).containsExactly("OpenAI", "2025", "131,072 tokens", "active");
        assertThat(ReferencePageTest.headers(page.selectFirst("table"))).containsExactly("Fact", "Value");
        assertThat(page.selectFirst("table caption").text()).isEqualTo("Facts about gpt-oss-20b");
        assertThat(ReferencePageTest.rows(page.selectFirst("table"), "tbody tr")).containsExactly(
                List.of("Context window", "131k"), List.of("Architecture", "-"), List.of("Output price", "$0.14/1M tokens"));
        assertThat(page.select("tbody td").first().attr("title")).isEqualTo("Source: OpenAI model card, verified 2026-05-22");
        assertThat(page.select("ol.notes li").eachText()).containsExactly(
                "OpenAI model card, verified 2026-05-22", "OpenRouter, verified 2026-05-22");
        assertThat(page.select("section[aria-labelledby=comparisons] a").eachAttr("href"))
                .containsExactly("/compare/gpt-oss-20b-vs-qwen3.5-4b", "/compare/gpt-oss-120b-vs-gpt-oss-20b");
        assertThat(page.select("section[aria-labelledby=comparisons] a").eachText())
                .containsExactly("gpt-oss-20b vs Qwen3.5-4B", "gpt-oss-120b vs gpt-oss-20b");
    }

    @Test
    void modelPageSaysSoWhenNothingIsKnown() {
        String html = renderer.model(new ModelPage(
                new ModelSummary("mystery", "Mystery", null, null, null, null), List.of(), List.of()));
        Document page = HtmlChecks.parse(html);

        HtmlChecks.assertWellFormedPage(html);
        assertThat(page.select("dl.summary dd").eachText()).containsExactly("-", "-", "-", "-");
        assertThat(page.select("table")).isEmpty();
        assertThat(page.text()).contains("No facts are sourced for this model yet.",
                "Mystery is not in any published comparison yet.");
    }

    @Test
    void indexListsEveryModelAndTheLatestComparisons() {
        Document page = HtmlChecks.parse(renderer.index(new IndexPage(null, models, DemoPages.RELATED)));

        assertThat(page.selectFirst("h1").text()).isEqualTo("Compare large language models");
        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo("https://llmreference.org/");
        assertThat(page.select("input[name=q]").hasAttr("value")).isFalse();
        assertThat(page.select("section[aria-labelledby=models] h2").text()).isEqualTo("All models");
        assertThat(page.select("section[aria-labelledby=models] a").eachAttr("href"))
                .containsExactly("/models/gpt-oss-20b", "/models/qwen3.5-4b");
        assertThat(page.select("section[aria-labelledby=models] li").eachText())
                .containsExactly("gpt-oss-20b OpenAI", "Qwen3.5-4B");
        assertThat(page.select("section[aria-labelledby=latest] h2").text()).isEqualTo("Latest comparisons");
        assertThat(page.select("section[aria-labelledby=latest] a").eachAttr("href"))
                .containsExactly("/compare/gpt-oss-120b-vs-gpt-oss-20b", "/compare/qwen3.5-4b-vs-qwen3.5-9b");
    }

    @Test
    void indexEchoesTheSearchAndSaysWhenNothingMatches() {
        Document found = HtmlChecks.parse(renderer.index(new IndexPage("qwen", models.subList(1, 2), List.of())));
        assertThat(found.select("input[name=q]").attr("value")).isEqualTo("qwen");
        assertThat(found.select("section[aria-labelledby=models] h2").text()).isEqualTo("Models matching “qwen”");
        assertThat(found.select("section[aria-labelledby=models] a").eachText()).containsExactly("Qwen3.5-4B");

        Document none = HtmlChecks.parse(renderer.index(new IndexPage("zzz", List.of(), List.of())));
        assertThat(none.text()).contains("No model matches “zzz”.", "No comparisons are published yet.");
    }

    @Test
    void gonePageSaysTheComparisonWasWithdrawnAndWhy() {
        String html = renderer.gone(new GonePage("gpt-oss-20b-vs-qwen3.5-4b", "gpt-oss-20b vs Qwen3.5-4B",
                "Qwen3.5-4B was retired.", models.subList(0, 1)));
        Document page = HtmlChecks.parse(html);

        HtmlChecks.assertWellFormedPage(html);
        assertThat(page.selectFirst("h1").text()).isEqualTo("This comparison was withdrawn");
        assertThat(page.select("main p").eachText()).contains("gpt-oss-20b vs Qwen3.5-4B is no longer published.",
                "Reason: Qwen3.5-4B was retired.");
        assertThat(page.select("main a").eachAttr("href")).containsExactly("/models/gpt-oss-20b", "/");
        assertThat(page.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
        assertThat(page.select("link[rel=canonical]")).isEmpty();
    }

    @Test
    void gonePageWithoutTitleNorModelsStillHelps() {
        Document page = HtmlChecks.parse(renderer.gone(new GonePage("a-vs-b", null, null, null)));
        assertThat(page.text()).contains("a-vs-b is no longer published.", "Neither model has a page any more.")
                .doesNotContain("Reason:");
        assertThat(page.select("main a").eachAttr("href")).containsExactly("/");
    }

    @Test
    void notFoundPageSaysWhatWasAskedAndSuggestsModels() {
        String html = renderer.notFound(new NotFoundPage("/models/qwen", models.subList(1, 2)));
        Document page = HtmlChecks.parse(html);

        HtmlChecks.assertWellFormedPage(html);
        assertThat(page.selectFirst("h1").text()).isEqualTo("Page not found");
        assertThat(page.selectFirst("main p").text()).isEqualTo("Nothing is published at /models/qwen.");
        assertThat(page.select("section[aria-labelledby=suggestions] a").eachAttr("href")).containsExactly("/models/qwen3.5-4b");
        assertThat(page.select("main a[href=/]").text()).isEqualTo("Browse all models");
        assertThat(page.select("main form[action=/][method=get] input[name=q]")).hasSize(1);
        assertThat(page.select("meta[name=robots]").attr("content")).isEqualTo("noindex");

        Document bare = HtmlChecks.parse(renderer.notFound(new NotFoundPage(null, null)));
        assertThat(bare.selectFirst("main p").text()).isEqualTo("Nothing is published at this address.");
        assertThat(bare.select("section[aria-labelledby=suggestions]")).isEmpty();
    }
}
