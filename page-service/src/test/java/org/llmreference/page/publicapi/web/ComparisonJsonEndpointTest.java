package org.llmreference.page.publicapi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmreference.testsupport.Fixtures.aModel;
import static org.llmreference.testsupport.Fixtures.aRoute;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.page.facts.FactsView;
import org.llmreference.page.facts.FactsViewAccess;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /compare/{a}-vs-{b}.json}: any two live models, computed from the current facts, valid against its schema. */
class ComparisonJsonEndpointTest {


    private final FactsView facts = new FactsView();
    private MockMvc mvc;
    private long revision;

    @BeforeEach
    void publishFacts() {
        mvc = MockMvcBuilders.standaloneSetup(PublicApi.over(facts)).build();
        ModelSnapshot gpt = aModel("gpt-oss-20b").named("gpt-oss-20b").fromVendor("OpenAI").build();
        model(PublicApi.withAliases(gpt, "openai-gpt-oss-20b"),
                aRoute("openrouter").priced("0.03", "0.14").build(), aRoute("groq").priced("0.075", "0.30").build());
        model(aModel("qwen3.5-4b").named("Qwen3.5-4B").fromVendor("Alibaba").build(),
                aRoute("alibaba").priced("0.05", "0.20").build());
        FactsViewAccess.markCaughtUp(facts);
    }

    @Test
    void answersTheComparisonAndBothSidesRoutesValidAgainstTheCommittedSchema() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/compare/gpt-oss-20b-vs-qwen3.5-4b.json")).andReturn()
                .getResponse();
        String body = response.getContentAsString(StandardCharsets.UTF_8);

        assertThat(response.getStatus()).as(body).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/json");
        assertThat(response.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
        JsonNode json = JsonMapper.builder().build().readTree(body);
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.get("url").asString()).isEqualTo("/compare/gpt-oss-20b-vs-qwen3.5-4b");
        assertThat(json.at("/comparison/pairId").asString()).isEqualTo("gpt-oss-20b-vs-qwen3.5-4b");
        assertThat(json.at("/routes/a").size()).isEqualTo(2);
        assertThat(json.at("/routes/b/0/providerId").asString()).isEqualTo("alibaba");
        assertThat(json.at("/routes/b/0/outputPerMTok").asString()).isEqualTo("0.20");
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(Path.of("src/main/resources/public-api/compare.schema.json")));
        assertThat(schema.validate(body, InputFormat.JSON)).isEmpty();
        assertThat(schema.validate(body.replace("\"schemaVersion\":1", "\"schemaVersion\":2"), InputFormat.JSON))
                .isNotEmpty();
        assertThat(mvc.perform(get("/public-api/compare.schema.json")).andReturn().getResponse().getStatus())
                .isEqualTo(200);
    }

    @Test
    void answersIfNoneMatchWith304AndANewDocumentOnceAPriceChanges() throws Exception {
        String etag = mvc.perform(get("/compare/gpt-oss-20b-vs-qwen3.5-4b.json")).andReturn().getResponse()
                .getHeader("ETag");
        assertThat(mvc.perform(get("/compare/gpt-oss-20b-vs-qwen3.5-4b.json").header("If-None-Match", etag))
                .andReturn().getResponse().getStatus()).isEqualTo(304);

        model(aModel("qwen3.5-4b").named("Qwen3.5-4B").fromVendor("Alibaba").build(),
                aRoute("alibaba").priced("0.04", "0.10").build());
        MockHttpServletResponse after = mvc.perform(get("/compare/gpt-oss-20b-vs-qwen3.5-4b.json")
                .header("If-None-Match", etag)).andReturn().getResponse();

        assertThat(after.getStatus()).isEqualTo(200);
        assertThat(after.getHeader("ETag")).isNotEqualTo(etag);
        assertThat(after.getContentAsString(StandardCharsets.UTF_8)).contains("\"outputPerMTok\":\"0.10\"");
    }

    @Test
    void movesTheOtherOrderAndAnAliasToTheCanonicalDocument() throws Exception {
        MockHttpServletResponse reversed = mvc.perform(get("/compare/qwen3.5-4b-vs-gpt-oss-20b.json")).andReturn()
                .getResponse();
        MockHttpServletResponse alias = mvc.perform(get("/compare/openai-gpt-oss-20b-vs-qwen3.5-4b.json")).andReturn()
                .getResponse();

        assertThat(reversed.getStatus()).isEqualTo(301);
        assertThat(reversed.getHeader("Location")).isEqualTo("/compare/gpt-oss-20b-vs-qwen3.5-4b.json");
        assertThat(alias.getStatus()).isEqualTo(301);
        assertThat(alias.getHeader("Location")).isEqualTo("/compare/gpt-oss-20b-vs-qwen3.5-4b.json");
    }

    @Test
    void asksToComeBackWhileTheCatalogIsStillBeingRead() throws Exception {
        FactsView reading = new FactsView();
        MockHttpServletResponse busy = MockMvcBuilders.standaloneSetup(PublicApi.over(reading)).build()
                .perform(get("/compare/gpt-oss-20b-vs-qwen3.5-4b.json")).andReturn().getResponse();

        assertThat(busy.getStatus()).isEqualTo(503);
        assertThat(busy.getHeader("Retry-After")).isEqualTo("5");
        assertThat(busy.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
    }

    @Test
    void answersAnUnknownModelOrABadPairWithAProblemDocument() throws Exception {
        MockHttpServletResponse unknown = mvc.perform(get("/compare/gpt-oss-20b-vs-nobody.json")).andReturn()
                .getResponse();
        MockHttpServletResponse bad = mvc.perform(get("/compare/gpt-oss-20b.json")).andReturn().getResponse();
        MockHttpServletResponse twice = mvc.perform(get("/compare/gpt-oss-20b-vs-gpt-oss-20b.json")).andReturn()
                .getResponse();

        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(unknown.getContentType()).startsWith("application/problem+json");
        assertThat(unknown.getContentAsString(StandardCharsets.UTF_8)).contains("a side is not a live model");
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString(StandardCharsets.UTF_8)).contains("The pair is not valid");
        assertThat(twice.getStatus()).isEqualTo(400);
    }

    private void model(ModelSnapshot model, RouteSnapshot... routes) {
        PublicApi.publish(facts, ++revision, model, routes);
    }
}
