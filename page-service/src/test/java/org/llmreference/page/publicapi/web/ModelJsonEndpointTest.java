package org.llmreference.page.publicapi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmreference.testsupport.Fixtures.aModel;
import static org.llmreference.testsupport.Fixtures.aRoute;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.pricing.PriceStep;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.contracts.pricing.UpstreamSource;
import org.llmreference.page.facts.FactsView;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/** {@code /models/{id}.json}: facts, routes and their dated prices, valid against the committed schema. */
class ModelJsonEndpointTest {

    private static final Instant AT = Instant.parse("2026-12-04T10:00:00Z");

    private final FactsView facts = new FactsView();
    private MockMvc mvc;
    private long revision;

    @BeforeEach
    void publishFacts() {
        mvc = MockMvcBuilders.standaloneSetup(PublicApi.over(facts),
                new HtmlModelPage()).build();
        ModelSnapshot plain = aModel("gpt-oss-20b").named("gpt-oss-20b").fromVendor("OpenAI").build();
        RouteSnapshot priced = aRoute("openrouter").priced("0.03", "0.14")
                .sourcedAt("https://openrouter.ai/openai/gpt-oss-20b", "2026-12-01").build();
        model(PublicApi.withAliases(plain, "openai-gpt-oss-20b"), new RouteSnapshot(priced.providerId(), priced.providerName(),
                priced.terms(), new UpstreamSource("openai/gpt-oss-20b", "providers/openrouter.toml", "abc123", AT, null),
                priced.effectiveFrom(), List.of(new PriceStep(Instant.parse("2026-11-01T00:00:00Z"),
                        new BigDecimal("0.05"), new BigDecimal("0.20"), null, null, null, null, "import"))));
    }

    @Test
    void answersFactsRoutesAndPriceHistoryValidAgainstTheCommittedSchema() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/models/gpt-oss-20b.json")).andReturn().getResponse();
        String body = response.getContentAsString(StandardCharsets.UTF_8);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/json");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("public, max-age=60");
        assertThat(body).contains("\"schemaVersion\":1").contains("\"vendor\":\"OpenAI\"")
                .contains("\"outputPerMTok\":\"0.14\"").contains("\"verifiedAt\":\"2026-12-01\"")
                .contains("\"providerModelId\":\"openai/gpt-oss-20b\"")
                .contains("\"effectiveFrom\":\"2026-11-01T00:00:00Z\"").contains("\"inputPerMTok\":\"0.05\"");
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(Path.of("src/main/resources/public-api/model.schema.json")));
        assertThat(schema.validate(body, InputFormat.JSON)).isEmpty();
        assertThat(schema.validate(body.replace("\"schemaVersion\":1", "\"schemaVersion\":2"), InputFormat.JSON))
                .isNotEmpty();
        assertThat(mvc.perform(get("/public-api/model.schema.json")).andReturn().getResponse().getStatus())
                .isEqualTo(200);
    }

    @Test
    void answersIfNoneMatchWith304AndAnyOrigin() throws Exception {
        MockHttpServletResponse first = mvc.perform(get("/models/gpt-oss-20b.json")
                .header("Origin", "https://elsewhere.example")).andReturn().getResponse();
        String etag = first.getHeader("ETag");

        MockHttpServletResponse again = mvc.perform(get("/models/gpt-oss-20b.json").header("If-None-Match", etag))
                .andReturn().getResponse();

        assertThat(first.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(first.getHeader("Access-Control-Allow-Credentials")).isNull();
        assertThat(etag).startsWith("\"m1-");
        assertThat(again.getStatus()).isEqualTo(304);
    }

    @Test
    void movesAnAliasToTheCanonicalDocument() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/models/openai-gpt-oss-20b.json")).andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(301);
        assertThat(response.getHeader("Location")).isEqualTo("/models/gpt-oss-20b.json");
    }

    @Test
    void answersAnUnknownOrBadIdWithAProblemDocument() throws Exception {
        MockHttpServletResponse unknown = mvc.perform(get("/models/nobody.json")).andReturn().getResponse();
        MockHttpServletResponse bad = mvc.perform(get("/models/Not_A_Slug.json")).andReturn().getResponse();

        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(unknown.getContentType()).startsWith("application/problem+json");
        assertThat(unknown.getContentAsString(StandardCharsets.UTF_8)).contains("No model has the id 'nobody'.");
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString(StandardCharsets.UTF_8)).contains("The model id is not valid");
    }

    @Test
    void answersANewDocumentOnceThePricesChange() throws Exception {
        String before = mvc.perform(get("/models/gpt-oss-20b.json")).andReturn().getResponse().getHeader("ETag");
        model(aModel("gpt-oss-20b").named("gpt-oss-20b").fromVendor("OpenAI").build(),
                aRoute("openrouter").priced("0.02", "0.10").build());

        MockHttpServletResponse after = mvc.perform(get("/models/gpt-oss-20b.json")).andReturn().getResponse();

        assertThat(after.getHeader("ETag")).isNotEqualTo(before);
        assertThat(after.getContentAsString(StandardCharsets.UTF_8)).contains("\"outputPerMTok\":\"0.10\"");
    }

    @Test
    void winsOverTheHtmlModelPageMapping() throws Exception {
        assertThat(mvc.perform(get("/models/gpt-oss-20b")).andReturn().getResponse().getContentAsString())
                .isEqualTo("html page");
        assertThat(mvc.perform(get("/models/gpt-oss-20b.json")).andReturn().getResponse().getContentAsString())
                .startsWith("{\"schemaVersion\":1");
    }

    /** The mapping of the HTML model page, as page-service's site controller declares it. */
    @RestController
    static class HtmlModelPage {
        @GetMapping("/models/{id}")
        String model(@PathVariable String id) {
            return "html page";
        }
    }


    private void model(ModelSnapshot model, RouteSnapshot... routes) {
        PublicApi.publish(facts, ++revision, model, routes);
    }
}
