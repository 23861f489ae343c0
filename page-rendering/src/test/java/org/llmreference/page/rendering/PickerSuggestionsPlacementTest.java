package org.llmreference.page.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The picker's list of every model id is large with a big catalog, so only the front page and the
 * /compare page carry it; a model page keeps a working picker form without suggestions.
 */
class PickerSuggestionsPlacementTest {

    private final PageRenderer renderer = new PageRenderer(DemoPages.SITE);
    private final List<ModelLink> models = List.of(new ModelLink("gpt-oss-20b", "gpt-oss-20b", "OpenAI"),
            new ModelLink("qwen3.5-4b", "Qwen3.5-4B", null));

    @Test
    void theFrontPageAndTheComparePageSuggestEveryModel() {
        Document front = HtmlChecks.parse(renderer.index(new IndexPage(null, models, List.of())));
        Document compare = HtmlChecks.parse(renderer.picker(new PickerPage(null, null, null, null,
                List.of("gpt-oss-20b", "qwen3.5-4b"))));

        for (Document page : List.of(front, compare)) {
            assertThat(page.select("datalist#picker-models option").eachAttr("value"))
                    .containsExactly("gpt-oss-20b", "qwen3.5-4b");
            assertThat(page.select("input#picker-a").attr("list")).isEqualTo("picker-models");
        }
    }

    @Test
    void aModelPageHasAWorkingPickerWithoutTheList() {
        Document page = HtmlChecks.parse(renderer.model(PagesTest.gptOssModelPage()));

        assertThat(page.select("datalist")).isEmpty();
        assertThat(page.select("form.picker").attr("action")).isEqualTo("/compare");
        assertThat(page.select("input#picker-a").attr("value")).isEqualTo("gpt-oss-20b");
        assertThat(page.select("input#picker-a").hasAttr("list")).isFalse();
    }
}
