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
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/** {@code /models.json}: valid against its committed schema, cacheable, readable from any origin. */
class PublicApiControllerTest {


    private final FactsView facts = new FactsView();
    private MockMvc mvc;
    private long revision;

    @BeforeEach
    void publishFacts() {
        mvc = MockMvcBuilders.standaloneSetup(PublicApi.over(facts))
                .build();
        model(aModel("gpt-oss-20b").named("gpt-oss-20b").fromVendor("OpenAI").build(),
                aRoute("openrouter").priced("0.03", "0.14").build());
        model(aModel("bare").named("Bare").build());
    }

    @Test
    void answersTheDirectoryRowsValidAgainstTheCommittedSchema() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/models.json?sort=output")).andReturn().getResponse();
        String body = response.getContentAsString(StandardCharsets.UTF_8);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(body).contains("\"schemaVersion\":1").contains("\"cheapestOutputPerMTok\":\"0.14\"")
                .contains("\"url\":\"/models/gpt-oss-20b\"");
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(Path.of("src/main/resources/public-api/models.schema.json")));
        assertThat(schema.validate(body, com.networknt.schema.InputFormat.JSON)).isEmpty();
        assertThat(schema.validate("{\"schemaVersion\":2}", com.networknt.schema.InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void answersAnyOriginWithoutCredentials() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/models.json").header("Origin", "https://elsewhere.example"))
                .andReturn().getResponse();

        assertThat(response.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(response.getHeader("Access-Control-Allow-Credentials")).isNull();
    }

    @Test
    void answersIfNoneMatchWith304() throws Exception {
        String etag = mvc.perform(get("/models.json")).andReturn().getResponse().getHeader("ETag");

        MockHttpServletResponse again = mvc.perform(get("/models.json").header("If-None-Match", etag)).andReturn()
                .getResponse();

        assertThat(etag).startsWith("\"v1-");
        assertThat(again.getStatus()).isEqualTo(304);
        assertThat(again.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
    }

    @Test
    void answersABadParameterWithAProblemDocument() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/models.json?tool_use=maybe")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                .contains("tool_use must be yes, no or any, not “maybe”.");
        assertThat(mvc.perform(get("/models.json?page=9")).andReturn().getResponse().getStatus()).isEqualTo(400);
    }

    private void model(ModelSnapshot model, RouteSnapshot... routes) {
        PublicApi.publish(facts, ++revision, model, routes);
    }
}
