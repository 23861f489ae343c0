package org.llmreference.comparison.previews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.EventCodec;
import org.llmreference.contracts.Topics;
import org.llmreference.contracts.catalog.ModelChanged;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.pricing.RouteChanged;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.importing.bundle.CatalogBundle;
import org.llmreference.importing.demo.DemoCatalog;
import org.llmreference.testsupport.Api;
import org.llmreference.testsupport.EventSender;
import org.llmreference.testsupport.Fixtures;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.TestTokens;
import org.llmreference.platform.outbox.PendingEvent;
import org.llmreference.testsupport.WithInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/previews} on the demo catalog: an editor sees every page a proposed change affects,
 * before and after, and nothing is stored or published; bad proposals get a problem that says why.
 */
@WithInfrastructure
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PreviewingChangesTest {

    static final Duration WAIT = Duration.ofSeconds(90);
    static final CatalogBundle DEMO = DemoCatalog.load();
    static final String MODEL = "gpt-oss-20b";
    static boolean demoSent;

    @Autowired
    Environment environment;

    @Autowired
    MongoDatabase database;

    @BeforeEach
    void sendTheDemoCatalogOnce(TestInfrastructure infrastructure) {
        if (!demoSent) {
            try (EventSender sender = new EventSender(infrastructure.kafkaBootstrapServers())) {
                for (ModelSnapshot model : DEMO.models()) {
                    sender.send(Envelope.startingChain(new ModelChanged(model, List.of()), model.id(), 1, java.time.Instant.now()));
                }
                DEMO.priceLists().forEach((id, routes) -> sender.send(Envelope.startingChain(
                        new RouteChanged(id, routes.get(0).providerId(), routes, List.of()), id, 1, java.time.Instant.now())));
            }
            demoSent = true;
        }
        await().atMost(WAIT).until(() -> pairsOf(MODEL).size() >= 8
                && pairsOf(MODEL).stream().allMatch(pair -> api().get("/api/comparisons/" + pair).send().statusCode() == 200));
    }

    @Test
    void aRouteChangeShowsEveryPageOfTheModelBeforeAndAfterAndStoresNothing(TestInfrastructure infrastructure) {
        RouteSnapshot priced = DEMO.priceLists().get(MODEL).stream()
                .filter(r -> r.terms().inputPricePerMTok() != null && r.terms().outputPricePerMTok() != null)
                .findFirst().orElseThrow();
        ObjectNode route = (ObjectNode) EventCodec.mapper().valueToTree(priced);
        for (String field : List.of("effectiveFrom", "history", "upstream")) {
            route.remove(field);
        }
        route.put("modelId", MODEL);
        route.put("outputPricePerMTok", priced.terms().outputPricePerMTok().divide(BigDecimal.TEN));
        route.put("inputPricePerMTok", priced.terms().inputPricePerMTok().divide(BigDecimal.TEN));
        List<String> pairs = pairsOf(MODEL);
        await().atMost(WAIT).until(() -> database.getCollection("comparisons")
                .countDocuments(Filters.exists(PendingEvent.FIELD + ".0")) == 0);
        Map<String, Long> revisions = revisions(pairs);
        Map<TopicPartition, Long> published = endOffsets(infrastructure);

        HttpResponse<String> response = preview("{\"route\":" + route + "}", TestTokens.EDITOR);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode pages = EventCodec.mapper().readTree(response.body()).get("pages");
        List<String> previewed = new ArrayList<>();
        pages.forEach(page -> previewed.add(page.get("pairId").asString()));
        assertThat(previewed).containsExactlyElementsOf(pairs);
        for (JsonNode page : pages) {
            String pair = page.get("pairId").asString();
            JsonNode stored = json("/api/comparisons/" + pair).get("comparison");
            assertThat(page.get("title").asString()).isEqualTo(stored.get("title").asString());
            assertThat(page.has("status")).isFalse();
            assertThat(page.at("/before/verdict").asString()).isEqualTo(stored.at("/verdict/sentence").asString());
            assertThat(page.at("/before/scorecard/0/label").asString()).isEqualTo(stored.at("/scorecard/0/label").asString());
            boolean modelIsA = pair.startsWith(MODEL + "-vs-");
            String side = modelIsA ? "monthlyCostA" : "monthlyCostB";
            BigDecimal before = new BigDecimal(page.get("before").get(side).asString());
            BigDecimal after = new BigDecimal(page.get("after").get(side).asString());
            assertThat(before).isEqualByComparingTo(stored.at("/monthlyCost/models/" + (modelIsA ? 0 : 1) + "/monthlyUsd").decimalValue());
            assertThat(after).isLessThan(before);
            assertThat(page.get("changed").asBoolean()).isTrue();
        }
        assertThat(revisions(pairs)).as("nothing stored").isEqualTo(revisions);
        assertThat(endOffsets(infrastructure)).as("nothing published").isEqualTo(published);
    }

    @Test
    void retiringTheModelShowsItsPagesAsRemoved() {
        ModelSnapshot model = DEMO.models().stream().filter(m -> m.id().equals(MODEL)).findFirst().orElseThrow();
        ModelSnapshot retired = Fixtures.aModelLike(model).withStatus(org.llmreference.contracts.catalog.ModelStatus.RETIRED).build();

        HttpResponse<String> response = preview("{\"model\":" + EventCodec.mapper().writeValueAsString(retired) + "}",
                TestTokens.EDITOR);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode pages = EventCodec.mapper().readTree(response.body()).get("pages");
        Set<String> removed = new TreeSet<>();
        pages.forEach(page -> {
            if (page.has("status") && page.get("status").asString().equals("removed")) {
                removed.add(page.get("pairId").asString());
                assertThat(page.has("after")).isFalse();
                assertThat(page.at("/before/verdict").asString()).isNotBlank();
            }
        });
        assertThat(removed).containsExactlyInAnyOrderElementsOf(pairsOf(MODEL));
    }

    @Test
    void refusesWithoutTheEditorRoleAndExplainsBadProposals() {
        String withdraw = "{\"withdrawRoute\":{\"modelId\":\"" + MODEL + "\",\"providerId\":\"no-such-provider\"}}";
        assertThat(preview(withdraw, null).statusCode()).isEqualTo(401);
        assertThat(preview(withdraw, TestTokens.UNKNOWN).statusCode()).isEqualTo(401);
        assertThat(preview(withdraw, TestTokens.OPS).statusCode()).isEqualTo(403);

        assertProblem(preview(withdraw, TestTokens.EDITOR), 404, "No route of '" + MODEL + "' by provider 'no-such-provider' exists.");
        assertProblem(preview("{\"withdrawRoute\":{\"modelId\":\"never-seen\",\"providerId\":\"openrouter\"}}", TestTokens.EDITOR),
                404, "No model 'never-seen' exists.");
        assertProblem(preview("{}", TestTokens.EDITOR), 400, "body: must hold exactly one of model, route or withdrawRoute (it holds 0)");
        assertProblem(preview("{\"withdrawRoute\":{\"modelId\":\"a\",\"providerId\":\"b\"},\"route\":{}}", TestTokens.EDITOR),
                400, "it holds 2");
        assertProblem(preview("{\"route\":{\"modelId\":\"" + MODEL + "\",\"providerId\":\"openrouter\",\"providerName\":\"OpenRouter\","
                + "\"status\":\"active\",\"outputPricePerMTok\":-1}}", TestTokens.EDITOR), 400, "route.outputPricePerMTok");
        assertProblem(preview("{\"route\":{\"modelId\":\"" + MODEL + "\",\"providerId\":\"openrouter\",\"providerName\":\"OpenRouter\","
                + "\"status\":\"active\",\"outputPricePerMTok\":\"cheap\"}}", TestTokens.EDITOR), 400, "outputPricePerMTok");
        assertProblem(preview("{\"route\":", TestTokens.EDITOR), 400, "body");
        assertProblem(preview("{\"model\":{\"id\":\"" + MODEL + "\"}}", TestTokens.EDITOR), 400, "name");

        ModelSnapshot unchanged = DEMO.models().stream().filter(m -> m.id().equals(MODEL)).findFirst().orElseThrow();
        assertProblem(preview("{\"model\":" + EventCodec.mapper().writeValueAsString(unchanged) + "}", TestTokens.EDITOR), 422,
                "equals the current facts");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(response.body()).contains(message).doesNotContain("Exception");
    }

    private HttpResponse<String> preview(String body, String token) {
        Api.Call call = api().post("/api/previews", body).header("Content-Type", "application/json");
        return token == null ? call.send() : call.as(token).send();
    }

    private List<String> pairsOf(String model) {
        HttpResponse<String> response = api().get("/api/pairs?model=" + model).send();
        if (response.statusCode() != 200) {
            return List.of();
        }
        List<String> pairs = new ArrayList<>();
        EventCodec.mapper().readTree(response.body()).get("items").forEach(item -> pairs.add(item.get("pairId").asString()));
        return pairs;
    }

    private Map<String, Long> revisions(List<String> pairs) {
        Map<String, Long> revisions = new HashMap<>();
        for (String pair : pairs) {
            revisions.put(pair, json("/api/comparisons/" + pair).get("revision").asLong());
        }
        return revisions;
    }

    private static Map<TopicPartition, Long> endOffsets(TestInfrastructure infrastructure) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.COMPARISON_PAGES).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            return consumer.endOffsets(partitions);
        }
    }

    private JsonNode json(String path) {
        HttpResponse<String> response = api().get(path).send();
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return EventCodec.mapper().readTree(response.body());
    }

    private Api api() {
        return Api.onPort(environment.getProperty("local.server.port"));
    }
}
