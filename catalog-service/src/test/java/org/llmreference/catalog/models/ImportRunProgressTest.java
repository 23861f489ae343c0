package org.llmreference.catalog.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.llmreference.catalog.models.ModelJson.aModel;
import static org.llmreference.catalog.models.ModelJson.parse;
import static org.llmreference.catalog.models.ModelJson.write;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.llmreference.contracts.EventCodec;
import org.llmreference.contracts.EventHeaders;
import org.llmreference.contracts.Topics;
import org.llmreference.contracts.imports.ImportEvent;
import org.llmreference.contracts.imports.ImportProgressed;
import org.llmreference.testsupport.Api;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.TestTokens;
import org.llmreference.testsupport.WithInfrastructure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Import runs: {@code POST /api/imports} announces a bulk load, each chunk moves it on, {@code catalog.imports.v1} tells. */
@WithInfrastructure
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ImportRunProgressTest {

    private static KafkaConsumer<byte[], byte[]> consumer;
    private static final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();

    @Value("${local.server.port}")
    int port;

    @BeforeAll
    static void readTheTopic(TestInfrastructure infrastructure) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "imports-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.CATALOG_IMPORTS));
    }

    @AfterAll
    static void stopReading() {
        consumer.close(Duration.ofSeconds(2));
    }

    @Test
    void publishesEachStepOfARunKeyedByItsIdUntilEveryAnnouncedModelWasProcessed() {
        String prefix = "run-" + System.currentTimeMillis() + "-";
        HttpResponse<String> started = api().post("/api/imports", "{\"source\": \"test bundle\", \"expected\": 3}")
                .as(TestTokens.EDITOR).send();
        assertThat(started.statusCode()).isEqualTo(201);
        String importId = parse(started.body()).path("importId").asString();
        assertThat(started.headers().firstValue("Location")).hasValue("/api/imports/" + importId);

        importing(importId, List.of(aModel(prefix + "a"), aModel(prefix + "b")));
        JsonNode halfway = parse(api().get("/api/imports/" + importId).send().body());
        importing(importId, List.of(aModel(prefix + "c")));

        assertThat(halfway.path("processed").asLong()).isEqualTo(2);
        assertThat(halfway.has("finishedAt")).isFalse();
        List<ConsumerRecord<byte[], byte[]>> steps = awaitSteps(importId, 3);
        List<ImportProgressed> events = steps.stream()
                .map(r -> EventCodec.decode(r.value(), ImportEvent.class).payload())
                .map(ImportProgressed.class::cast).toList();
        assertThat(events).extracting(ImportProgressed::stored).containsExactly(0L, 2L, 3L);
        assertThat(events).extracting(ImportProgressed::expected).containsOnly(3L);
        assertThat(events).extracting(ImportProgressed::source).containsOnly("test bundle");
        assertThat(events.get(1).finished()).isFalse();
        assertThat(events.get(2).finished()).isTrue();
        assertThat(new String(steps.get(2).headers().lastHeader(EventHeaders.EVENT_TYPE).value(), StandardCharsets.UTF_8))
                .isEqualTo("catalog.ImportProgressed.v1");
    }

    @Test
    void refusesAChunkOfAnUnknownRunAndStoresNothingOfIt() {
        String id = "run-unknown-" + System.currentTimeMillis();
        ObjectNode bundle = JsonNodeFactory.instance.objectNode();
        bundle.putArray("models").add(aModel(id));

        HttpResponse<String> response = api().post("/api/import?importId=no-such-run", write(bundle))
                .as(TestTokens.EDITOR).send();

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(parse(response.body()).path("detail").asString()).contains("no-such-run");
        assertThat(api().get("/api/models/" + id).send().statusCode()).isEqualTo(404);
    }

    @Test
    void refusesARunWithoutAnExpectedCount() {
        HttpResponse<String> missing = api().post("/api/imports", "{\"source\": \"x\"}").as(TestTokens.EDITOR).send();
        HttpResponse<String> negative = api().post("/api/imports", "{\"expected\": -1}").as(TestTokens.EDITOR).send();
        HttpResponse<String> anonymous = api().post("/api/imports", "{\"expected\": 1}").send();

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(parse(missing.body()).path("detail").asString()).contains("expected");
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private void importing(String importId, List<ObjectNode> models) {
        ObjectNode bundle = JsonNodeFactory.instance.objectNode();
        bundle.putArray("models").addAll(models);
        HttpResponse<String> response = api().post("/api/import?importId=" + importId, write(bundle))
                .as(TestTokens.EDITOR).send();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static List<ConsumerRecord<byte[], byte[]>> awaitSteps(String importId, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            return records.stream()
                    .filter(r -> importId.equals(new String(r.key(), StandardCharsets.UTF_8))).toList();
        }, steps -> steps.size() >= count);
    }

    private Api api() {
        return Api.onPort(port);
    }
}
