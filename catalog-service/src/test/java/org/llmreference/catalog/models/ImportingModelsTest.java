package org.llmreference.catalog.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmreference.catalog.models.ModelJson.aModel;
import static org.llmreference.catalog.models.ModelJson.parse;
import static org.llmreference.catalog.models.ModelJson.write;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.catalog.CatalogEvent;
import org.llmreference.contracts.catalog.ModelChanged;
import org.llmreference.testsupport.Api;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.TestTokens;
import org.llmreference.testsupport.WithInfrastructure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@code POST /api/import}: a bundle's models applied like PUTs, unchanged ones left alone, bad ones rejected one by one. */
@WithInfrastructure
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ImportingModelsTest {

    private static CatalogTopic topic;

    @Value("${local.server.port}")
    int port;

    @BeforeAll
    static void readTheTopic(TestInfrastructure infrastructure) {
        topic = new CatalogTopic(infrastructure.kafkaBootstrapServers());
    }

    @AfterAll
    static void stopReading() {
        topic.close();
    }

    @Test
    void createsTheModelsOfABundleThenLeavesThemAloneWhenTheSameBundleComesAgain() {
        String prefix = "import-" + System.currentTimeMillis() + "-";
        List<ObjectNode> models = List.of(aModel(prefix + "a"), aModel(prefix + "b"), aModel(prefix + "c"));

        JsonNode first = importing(bundle(models));
        JsonNode again = importing(bundle(models));
        ObjectNode changedB = aModel(prefix + "b").put("license", "MIT");
        JsonNode withOneChange = importing(bundle(List.of(models.get(0), changedB, models.get(2))));

        assertReport(first, 3, 3, 0, 0);
        assertReport(again, 3, 0, 0, 3);
        assertReport(withOneChange, 3, 0, 1, 2);
        List<Envelope<CatalogEvent>> eventsOfB = topic.awaitRevision(prefix + "b", 2);
        assertThat(((ModelChanged) eventsOfB.get(1).payload()).changedFields()).containsExactly("license");
        // Later edits of a and c show that the re-imports announced nothing in between.
        for (String id : List.of(prefix + "a", prefix + "c")) {
            api().patch("/api/models/" + id, "{\"license\": \"MIT\"}").as(TestTokens.EDITOR).send();
            assertThat(CatalogTopic.revisions(topic.awaitRevision(id, 2))).containsExactly(1L, 2L);
        }
        api().patch("/api/models/" + prefix + "b", "{\"vendor\": \"Later\"}").as(TestTokens.EDITOR).send();
        assertThat(CatalogTopic.revisions(topic.awaitRevision(prefix + "b", 3))).containsExactly(1L, 2L, 3L);
        assertThat(parse(api().get("/api/models/" + prefix + "b").send().body()).path("license").asString()).isEqualTo("MIT");
    }

    @Test
    void rejectsInvalidModelsOneByOneWithFieldAndRuleWhileTheOthersApply() {
        String prefix = "import-bad-" + System.currentTimeMillis() + "-";
        List<ObjectNode> models = List.of(aModel(prefix + "good"), aModel(prefix + "zero").put("contextWindow", 0),
                aModel(prefix + "typed").put("name", 42), aModel(prefix + "also-good"));

        JsonNode report = importing(bundle(models));

        assertReport(report, 4, 2, 0, 0);
        assertThat(report.path("rejected").valueStream()
                .map(r -> r.path("id").asString() + " " + r.path("field").asString() + " " + r.path("rule").asString()))
                .containsExactly(prefix + "zero contextWindow min", prefix + "typed name type");
        assertThat(api().get("/api/models/" + prefix + "good").send().statusCode()).isEqualTo(200);
        assertThat(api().get("/api/models/" + prefix + "also-good").send().statusCode()).isEqualTo(200);
        assertThat(api().get("/api/models/" + prefix + "zero").send().statusCode()).isEqualTo(404);
    }

    @Test
    void importsMoreModelsThanOneChunkAndIgnoresProvidersAndRoutes() {
        String prefix = "import-many-" + System.currentTimeMillis() + "-";
        List<ObjectNode> models = IntStream.range(0, ModelImport.CHUNK + 20).mapToObj(i -> aModel(prefix + i)).toList();
        ObjectNode bundle = bundle(models);
        bundle.putArray("providers").addObject().put("anything", "goes");
        bundle.putArray("routes").addObject().put("anything", "goes");

        assertReport(importing(bundle), models.size(), models.size(), 0, 0);
        assertReport(importing(bundle), models.size(), 0, 0, models.size());
    }

    @Test
    void storesAModelsAliasesAnnouncesThemAndRedirectsAnAliasToItsModel() {
        String prefix = "import-alias-" + System.currentTimeMillis() + "-";
        ObjectNode canonical = aModel(prefix + "model");
        canonical.putArray("aliases").add(prefix + "spelling").add(prefix + "twin");

        assertReport(importing(bundle(List.of(canonical))), 1, 1, 0, 0);

        ModelChanged created = (ModelChanged) topic.awaitRevision(prefix + "model", 1).get(0).payload();
        assertThat(created.model().aliases()).containsExactly(prefix + "spelling", prefix + "twin");
        HttpResponse<String> byAlias = api().get("/api/models/" + prefix + "twin").send();
        assertThat(byAlias.statusCode()).isEqualTo(301);
        assertThat(byAlias.headers().firstValue("Location")).hasValue("/api/models/" + prefix + "model");
        assertThat(parse(api().get("/api/models/" + prefix + "model").send().body()).path("aliases").valueStream()
                .map(JsonNode::asString)).containsExactly(prefix + "spelling", prefix + "twin");

        HttpResponse<String> createAlias = api().put("/api/models/" + prefix + "twin", write(aModel(prefix + "twin")))
                .as(TestTokens.EDITOR).send();
        assertThat(createAlias.statusCode()).isEqualTo(409);
        assertThat(createAlias.body()).contains("alias-taken", "is an alias of model '" + prefix + "model'");
        JsonNode report = importing(bundle(List.of(aModel(prefix + "spelling"))));
        assertReport(report, 1, 0, 0, 0);
        assertThat(report.path("rejected").get(0).path("rule").asString()).isEqualTo("alias-taken");
        assertThat(api().get("/api/models/" + prefix + "spelling").send().statusCode()).isEqualTo(301);
    }

    @Test
    void refusesABundleThatIsNotOne() {
        HttpResponse<String> response = api().post("/api/import", "{\"modelz\": []}").as(TestTokens.EDITOR).send();

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("modelz").contains("unknown-field");
    }

    private JsonNode importing(ObjectNode bundle) {
        HttpResponse<String> response = api().post("/api/import", write(bundle)).as(TestTokens.EDITOR).send();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return parse(response.body());
    }

    private static void assertReport(JsonNode report, int received, int created, int changed, int unchanged) {
        assertThat(report.path("target").asString()).isEqualTo("models");
        assertThat(List.of(report.path("received").asInt(), report.path("created").asInt(), report.path("changed").asInt(),
                report.path("unchanged").asInt())).as(report.toString()).containsExactly(received, created, changed, unchanged);
    }

    private static ObjectNode bundle(List<ObjectNode> models) {
        ObjectNode bundle = JsonNodeFactory.instance.objectNode().put("source", "test bundle");
        ArrayNode array = bundle.putArray("models");
        new ArrayList<>(models).forEach(array::add);
        return bundle;
    }

    private Api api() {
        return Api.onPort(port);
    }
}
