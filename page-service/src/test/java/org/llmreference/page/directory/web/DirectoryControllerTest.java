package org.llmreference.page.directory.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmreference.testsupport.Fixtures.aModel;
import static org.llmreference.testsupport.Fixtures.aRoute;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.catalog.Capabilities;
import org.llmreference.contracts.catalog.ModelChanged;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.pricing.RouteChanged;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.page.directory.ModelDirectory;
import org.llmreference.page.facts.FactsView;
import org.llmreference.page.rendering.PageRenderer;
import org.llmreference.page.rendering.Site;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** {@code /models} over a small facts view: the table, its links, bad parameters, caching. */
class DirectoryControllerTest {

    private static final Instant AT = Instant.parse("2026-12-04T10:00:00Z");

    private final FactsView facts = new FactsView();
    private MockMvc mvc;
    private long revision;

    @BeforeEach
    void publishFacts() {
        mvc = MockMvcBuilders.standaloneSetup(new DirectoryController(
                new ModelDirectory(facts, new PageRenderer(new Site("https://llmreference.test", "LLM Reference")))))
                .build();
        model(aModel("gpt-oss-20b").named("gpt-oss-20b").fromVendor("OpenAI").withCapabilities(tools(true)).build(),
                aRoute("openrouter").priced("0.03", "0.14").build(), aRoute("groq").priced("0.10", "0.50").build());
        model(aModel("qwen3.5-4b").named("Qwen3.5 4B").fromVendor("Qwen").withCapabilities(tools(true)).build(),
                aRoute("openrouter").priced("0.02", "0.10").build());
        model(aModel("evil").named("<script>alert(1)</script>").fromVendor("\"Vendor\"").withCapabilities(tools(false))
                .build(), aRoute("openrouter").priced("0.01", "0.01").build());
    }

    @Test
    void sortsByCheapestOutputAndFiltersByToolUse() throws Exception {
        Document page = html(get("/models?tool_use=yes&sort=output&order=asc"), 200);

        assertThat(page.select("table.directory tbody th a")).extracting(a -> a.attr("href"))
                .containsExactly("/models/qwen3.5-4b", "/models/gpt-oss-20b");
        assertThat(page.select("table.directory tbody tr").get(1).select("td").get(3).text()).isEqualTo("$0.14");
        assertThat(page.select("#range").text()).contains("of 2 models");
        assertThat(page.select("#f-tool_use option[selected]").attr("value")).isEqualTo("yes");
        assertThat(page.select("th[aria-sort=ascending] a").text()).startsWith("Cheapest output");
    }

    @Test
    void escapesWhatTheCatalogSays() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/models")).andReturn().getResponse();

        String body = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(response.getHeader("Content-Security-Policy")).contains("default-src 'none'");
    }

    @Test
    void answersABadParameterWith400AndTheMessageNextToItsField() throws Exception {
        Document page = html(get("/models?min_context=lots&sort=price"), 400);

        assertThat(page.select("#f-min_context-error").text()).contains("min_context must be a whole number");
        assertThat(page.select("#f-min_context").attr("value")).isEqualTo("lots");
        assertThat(page.select("#f-min_context").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#f-sort-error").text()).contains("sort must be one of");
        assertThat(page.select("table.directory")).isEmpty();
    }

    @Test
    void answersAPagePastTheEndWith400() throws Exception {
        Document page = html(get("/models?page=7"), 400);

        assertThat(page.select("#f-page-error").text()).isEqualTo("page 7 is past the last page, 1.");
    }

    @Test
    void isCacheableAndAnswers304ToItsOwnEntityTag() throws Exception {
        MockHttpServletResponse first = mvc.perform(get("/models?vendor=qwen")).andReturn().getResponse();
        String etag = first.getHeader("ETag");

        assertThat(first.getHeader("Cache-Control")).isEqualTo("public, max-age=60");
        assertThat(etag).startsWith("\"");
        assertThat(mvc.perform(get("/models?vendor=qwen").header("If-None-Match", etag)).andReturn().getResponse()
                .getStatus()).isEqualTo(304);

        model(aModel("qwen3.5-9b").named("Qwen3.5 9B").fromVendor("Qwen").build());

        MockHttpServletResponse changed = mvc.perform(get("/models?vendor=qwen").header("If-None-Match", etag))
                .andReturn().getResponse();
        assertThat(changed.getStatus()).isEqualTo(200);
        assertThat(changed.getContentAsString()).contains("Qwen3.5 9B");
    }

    @Test
    void linksThePreviousAndNextPages() throws Exception {
        for (int i = 0; i < 60; i++) {
            model(aModel(String.format("bulk-%02d", i)).fromVendor("Bulk").build());
        }

        Document first = html(get("/models?vendor=Bulk"), 200);
        Document second = html(get(first.select("a[rel=next]").attr("href")), 200);

        assertThat(first.select("a[rel=next]").attr("href")).isEqualTo("/models?vendor=Bulk&page=2");
        assertThat(first.select("a[rel=prev]")).isEmpty();
        assertThat(first.select("table.directory tbody tr")).hasSize(50);
        assertThat(second.select("table.directory tbody tr")).hasSize(10);
        assertThat(second.select("a[rel=prev]").attr("href")).isEqualTo("/models?vendor=Bulk");
        assertThat(second.select("#range").text()).isEqualTo("Models 51 to 60 of 60 models, page 2 of 2.");
    }

    @Test
    void foldsTheRarerFiltersAndOpensTheFoldWhenOneIsSetOrWrong() throws Exception {
        Document plain = html(get("/models"), 200);
        Document chosen = html(get("/models?tool_use=yes&status=active"), 200);
        Document wrong = html(get("/models?released_from=yesterday"), 400);

        assertThat(plain.select("details.more-filters").hasAttr("open")).isFalse();
        assertThat(plain.select("details.more-filters #f-tool_use")).hasSize(1);
        assertThat(plain.select("details.more-filters #f-vendor, details.more-filters #f-sort")).isEmpty();
        assertThat(plain.select("details.more-filters summary").text()).doesNotContain("set");
        assertThat(chosen.select("details.more-filters").hasAttr("open")).isTrue();
        assertThat(chosen.select("details.more-filters summary").text()).endsWith("(2 set)");
        assertThat(wrong.select("details.more-filters").hasAttr("open")).isTrue();
        assertThat(wrong.select("#f-released_from-error").text()).isNotEmpty();
    }

    private Document html(org.springframework.test.web.servlet.RequestBuilder request, int status) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(status);
        return Jsoup.parse(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    }

    private void model(ModelSnapshot model, RouteSnapshot... routes) {
        revision++;
        facts.applyModel(Envelope.of(new ModelChanged(model, List.of("name")), model.id(), revision, AT, "e-" + revision));
        if (routes.length > 0) {
            facts.applyRoutes(Envelope.of(new RouteChanged(model.id(), routes[0].providerId(), List.of(routes),
                    List.of("input")), model.id(), revision, AT, "r-" + revision));
        }
    }

    private static Capabilities tools(boolean toolUse) {
        return new Capabilities(null, null, null, null, toolUse, null, null, null, null, null);
    }
}
