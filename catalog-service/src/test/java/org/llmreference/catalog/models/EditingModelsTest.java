package org.llmreference.catalog.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmreference.catalog.models.ModelJson.aModel;
import static org.llmreference.catalog.models.ModelJson.parse;
import static org.llmreference.catalog.models.ModelJson.write;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.EventCodec;
import org.llmreference.contracts.EventHeaders;
import org.llmreference.contracts.Topics;
import org.llmreference.contracts.catalog.CatalogEvent;
import org.llmreference.contracts.catalog.ModelChanged;
import org.llmreference.contracts.catalog.ModelRetired;
import org.llmreference.contracts.catalog.ModelStatus;
import org.llmreference.testsupport.Api;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.TestTokens;
import org.llmreference.testsupport.TopicProbe;
import org.llmreference.testsupport.WithInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The editor API end to end: HTTP in, the stored model and the event on {@code catalog.models.v1} out. */
@WithInfrastructure
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EditingModelsTest {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static CatalogTopic topic;

    @Value("${local.server.port}")
    int port;

    @Autowired
    Models models;

    @BeforeAll
    static void readTheTopic(TestInfrastructure infrastructure) {
        topic = new CatalogTopic(infrastructure.kafkaBootstrapServers());
    }

    @AfterAll
    static void stopReading() {
        topic.close();
    }

    @Test
    void createsAModelAnswering201WithETag1AndPublishesModelChangedKeyedByItsId(TestInfrastructure infrastructure) {
        String id = newId();
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        HttpResponse<String> created = api().put("/api/models/" + id, write(aModel(id))).as(TestTokens.EDITOR).send();

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/models/" + id));
        JsonNode body = parse(created.body());
        assertThat(body.path("revision").asLong()).isEqualTo(1);
        assertThat(body.path("name").asString()).isEqualTo(id);
        assertThat(body.path("parametersBillions").decimalValue()).isEqualByComparingTo("20.5");
        assertThat(body.has("retiresOn")).as("absent values are left out").isFalse();
        String causedBy = created.headers().firstValue("X-Caused-By").orElseThrow();

        try (TopicProbe probe = new TopicProbe(infrastructure.kafkaBootstrapServers(), Topics.CATALOG_MODELS)) {
            ConsumerRecord<byte[], byte[]> record = probe.awaitRecord(r -> id.equals(TopicProbe.key(r)), Duration.ofSeconds(30));
            assertThat(TopicProbe.header(record, EventHeaders.EVENT_TYPE)).isEqualTo("catalog.ModelChanged.v1");
            assertThat(TopicProbe.header(record, EventHeaders.EVENT_ID)).isEqualTo(causedBy);
            assertThat(TopicProbe.header(record, EventHeaders.CAUSED_BY)).isEqualTo(causedBy);
            Envelope<CatalogEvent> event = EventCodec.decode(record.value(), CatalogEvent.class);
            assertThat(event.revision()).isEqualTo(1);
            assertThat(event.aggregateId()).isEqualTo(id);
            assertThat(event.causedBy()).isEqualTo(event.eventId().toString()).isEqualTo(causedBy);
            assertThat(event.occurredAt()).isBetween(before, Instant.now());
            assertThat(event.payload()).isInstanceOf(ModelChanged.class);
            assertThat(event.payload().model()).isEqualTo(org.llmreference.testsupport.Models.aModel(id));
            assertThat(((ModelChanged) event.payload()).changedFields()).contains("id", "name", "contextWindow", "sources")
                    .doesNotContain("benchmarks", "retiresOn");
        }
    }

    @Test
    void replacesAModelAndNamesTheChangedFields() {
        String id = created();
        ObjectNode replacement = aModel(id).put("vendor", "Acme").put("contextWindow", 262_144);

        HttpResponse<String> replaced = api().put("/api/models/" + id, write(replacement)).as(TestTokens.EDITOR).send();

        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(replaced.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(parse(replaced.body()).path("vendor").asString()).isEqualTo("Acme");
        Envelope<CatalogEvent> event = topic.awaitRevision(id, 2).get(1);
        assertThat(event.payload()).isInstanceOf(ModelChanged.class);
        assertThat(((ModelChanged) event.payload()).changedFields()).containsExactly("vendor", "contextWindow");
        assertThat(event.payload().model().contextWindow()).isEqualTo(262_144);
    }

    @Test
    void patchesWithAMergePatchThatRemovesAFieldWithNullAndChangesACapability() {
        String id = created();
        String patch = "{\"license\": null, \"capabilities\": {\"vision\": true}}";

        HttpResponse<String> patched = api().patch("/api/models/" + id, patch).as(TestTokens.EDITOR).send();

        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(patched.headers().firstValue("ETag")).hasValue("\"2\"");
        JsonNode body = parse(patched.body());
        assertThat(body.has("license")).isFalse();
        assertThat(body.path("capabilities").path("vision").asBoolean()).isTrue();
        assertThat(body.path("capabilities").path("reasoning").asBoolean()).as("other capabilities stay").isTrue();
        assertThat(body.path("vendor").asString()).isEqualTo("OpenAI");
        ModelChanged event = (ModelChanged) topic.awaitRevision(id, 2).get(1).payload();
        assertThat(event.changedFields()).containsExactly("license", "capabilities");
        assertThat(event.model().license()).isNull();
    }

    @Test
    void acceptsAPatchSentAsPlainJson() {
        String id = created();

        HttpResponse<String> patched = api().patch("/api/models/" + id, "{\"family\": \"gpt-oss-2\"}")
                .header("Content-Type", "application/json").as(TestTokens.EDITOR).send();

        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(parse(patched.body()).path("family").asString()).isEqualTo("gpt-oss-2");
    }

    @Test
    void readsAModelWithItsETagAndAnswers404AsAProblemForAnUnknownOne() {
        String id = created();

        HttpResponse<String> read = api().get("/api/models/" + id).send();
        HttpResponse<String> missing = api().get("/api/models/no-such-model").send();

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(parse(read.body()).path("id").asString()).isEqualTo(id);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void listsModelsAPageAtATimeSortedByIdAndFilteredByVendorIgnoringCase() {
        String vendor = "Vendor" + System.nanoTime();
        String prefix = "list-" + System.nanoTime() + "-";
        for (int i = 5; i >= 1; i--) {
            String id = prefix + i;
            api().put("/api/models/" + id, write(aModel(id).put("vendor", vendor))).as(TestTokens.EDITOR).send();
        }

        JsonNode first = parse(api().get("/api/models?vendor=" + vendor.toLowerCase() + "&size=2").send().body());
        JsonNode last = parse(api().get("/api/models?vendor=" + vendor.toUpperCase() + "&size=2&page=2").send().body());

        assertThat(first.path("total").asLong()).isEqualTo(5);
        assertThat(first.path("page").asInt()).isZero();
        assertThat(first.path("size").asInt()).isEqualTo(2);
        assertThat(ids(first)).containsExactly(prefix + 1, prefix + 2);
        assertThat(ids(last)).containsExactly(prefix + 5);
    }

    @Test
    void filtersTheListByCapabilityStatusAndFamily() {
        String vendor = "Filter" + System.nanoTime();
        String withVision = newId();
        String without = newId();
        ObjectNode seeing = aModel(withVision).put("vendor", vendor).put("family", "Seers");
        ((ObjectNode) seeing.path("capabilities")).put("vision", true);
        api().put("/api/models/" + withVision, write(seeing)).as(TestTokens.EDITOR).send();
        api().put("/api/models/" + without, write(aModel(without).put("vendor", vendor))).as(TestTokens.EDITOR).send();
        api().delete("/api/models/" + without).as(TestTokens.EDITOR).send();

        assertThat(ids(parse(api().get("/api/models?vendor=" + vendor + "&capability=vision").send().body())))
                .containsExactly(withVision);
        assertThat(ids(parse(api().get("/api/models?vendor=" + vendor + "&status=retired").send().body())))
                .containsExactly(without);
        assertThat(ids(parse(api().get("/api/models?vendor=" + vendor + "&family=seers").send().body())))
                .containsExactly(withVision);
        assertThat(parse(api().get("/api/models?vendor=" + vendor).send().body()).path("size").asInt()).isEqualTo(50);
    }

    @Test
    void retiresAModelWithModelRetiredAndRetiringItAgainChangesNothing() {
        String id = created();

        HttpResponse<String> retired = api().delete("/api/models/" + id).as(TestTokens.EDITOR).send();
        HttpResponse<String> again = api().delete("/api/models/" + id).as(TestTokens.EDITOR).send();

        assertThat(retired.statusCode()).isEqualTo(200);
        assertThat(retired.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(parse(api().get("/api/models/" + id).send().body()).path("status").asString()).isEqualTo("retired");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(again.headers().firstValue("X-Caused-By")).isEmpty();
        assertThat(api().delete("/api/models/never-was").as(TestTokens.EDITOR).send().statusCode()).isEqualTo(404);

        api().patch("/api/models/" + id, "{\"name\": \"renamed\"}").as(TestTokens.EDITOR).send();
        List<Envelope<CatalogEvent>> events = topic.awaitRevision(id, 3);
        assertThat(CatalogTopic.revisions(events)).containsExactly(1L, 2L, 3L);
        ModelRetired retirement = (ModelRetired) events.get(1).payload();
        assertThat(retirement.changedFields()).containsExactly("status");
        assertThat(retirement.model().status()).isEqualTo(ModelStatus.RETIRED);
        assertThat(events.get(2).payload()).as("a retired model edited stays retired: a change").isInstanceOf(ModelChanged.class);
    }

    @Test
    void aPutThatRetiresAnnouncesModelRetiredAndOneThatReactivatesAnnouncesModelChanged() {
        String id = created();

        api().put("/api/models/" + id, write(aModel(id).put("status", "retired"))).as(TestTokens.EDITOR).send();
        HttpResponse<String> reactivated = api().put("/api/models/" + id, write(aModel(id))).as(TestTokens.EDITOR).send();

        assertThat(reactivated.statusCode()).isEqualTo(200);
        List<Envelope<CatalogEvent>> events = topic.awaitRevision(id, 3);
        assertThat(events.get(1).payload()).isInstanceOf(ModelRetired.class);
        assertThat(events.get(2).payload()).isInstanceOf(ModelChanged.class);
        assertThat(((ModelChanged) events.get(2).payload()).changedFields()).containsExactly("status");
    }

    @Test
    void aWriteThatChangesNothingKeepsTheRevisionAndPublishesNoEvent() {
        String id = created();
        ObjectNode same = aModel(id).put("parametersBillions", new java.math.BigDecimal("20.500"));

        HttpResponse<String> put = api().put("/api/models/" + id, write(same)).as(TestTokens.EDITOR).send();
        HttpResponse<String> patch = api().patch("/api/models/" + id, "{\"vendor\": \"OpenAI\"}").as(TestTokens.EDITOR).send();

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(put.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(put.headers().firstValue("X-Caused-By")).isEmpty();
        assertThat(patch.statusCode()).isEqualTo(200);
        assertThat(patch.headers().firstValue("ETag")).hasValue("\"1\"");

        api().patch("/api/models/" + id, "{\"vendor\": \"Later\"}").as(TestTokens.EDITOR).send();
        List<Envelope<CatalogEvent>> events = topic.awaitRevision(id, 2);
        assertThat(CatalogTopic.revisions(events)).as("the next event after revision 1 is the later change").containsExactly(1L, 2L);
        assertThat(((ModelChanged) events.get(1).payload()).changedFields()).containsExactly("vendor");
    }

    @Test
    void aNoOpPutWithIfMatchOfTheCurrentRevisionAnswers200WithoutANewRevision() {
        String id = created();

        HttpResponse<String> put = api().put("/api/models/" + id, write(aModel(id))).as(TestTokens.EDITOR)
                .header("If-Match", "\"1\"").send();

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(put.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(parse(put.body()).path("revision").asLong()).isEqualTo(1);
    }

    @Test
    void refusesAStaleIfMatchOrOneOnAnUnknownModelWith412AndLeavesTheModelAsItWas() {
        String id = created();
        api().patch("/api/models/" + id, "{\"vendor\": \"Second\"}").as(TestTokens.EDITOR).header("If-Match", "\"1\"").send();
        String stored = api().get("/api/models/" + id).send().body();

        HttpResponse<String> stalePut = api().put("/api/models/" + id, write(aModel(id).put("vendor", "Third")))
                .as(TestTokens.EDITOR).header("If-Match", "\"1\"").send();
        HttpResponse<String> stalePatch = api().patch("/api/models/" + id, "{\"vendor\": \"Third\"}")
                .as(TestTokens.EDITOR).header("If-Match", "\"1\"").send();
        HttpResponse<String> staleRetire = api().delete("/api/models/" + id).as(TestTokens.EDITOR).header("If-Match", "\"1\"").send();
        String unknown = newId();
        HttpResponse<String> absentPut = api().put("/api/models/" + unknown, write(aModel(unknown))).as(TestTokens.EDITOR)
                .header("If-Match", "\"1\"").send();
        HttpResponse<String> absentPatch = api().patch("/api/models/" + unknown, "{}").as(TestTokens.EDITOR)
                .header("If-Match", "\"1\"").send();
        HttpResponse<String> absentRetire = api().delete("/api/models/" + unknown).as(TestTokens.EDITOR)
                .header("If-Match", "\"1\"").send();

        for (HttpResponse<String> response : List.of(stalePut, stalePatch, staleRetire, absentPut, absentPatch, absentRetire)) {
            assertThat(response.statusCode()).isEqualTo(412);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        HttpResponse<String> after = api().get("/api/models/" + id).send();
        assertThat(after.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(after.body()).isEqualTo(stored);
        assertThat(api().get("/api/models/" + unknown).send().statusCode()).isEqualTo(404);
    }

    @Test
    void ofTwoConcurrentWritesWithTheSameIfMatchOnlyOneWins() throws Exception {
        String id = created();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<HttpResponse<String>>> writes = List.of(
                    pool.submit(() -> api().patch("/api/models/" + id, "{\"vendor\": \"First\"}").as(TestTokens.EDITOR)
                            .header("If-Match", "\"1\"").send()),
                    pool.submit(() -> api().patch("/api/models/" + id, "{\"license\": \"MIT\"}").as(TestTokens.EDITOR)
                            .header("If-Match", "\"1\"").send()));
            List<Integer> statuses = new java.util.ArrayList<>();
            for (Future<HttpResponse<String>> write : writes) {
                statuses.add(write.get(30, TimeUnit.SECONDS).statusCode());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        } finally {
            pool.shutdownNow();
        }
        assertThat(api().get("/api/models/" + id).send().headers().firstValue("ETag")).hasValue("\"2\"");
    }

    @Test
    void storesOnlyTheFirstOfTwoChangesComputedFromTheSameRevision() {
        String id = created();
        LlmModel read = models.find(id).orElseThrow();
        Change first = read.replacedBy(org.llmreference.testsupport.Models.withStatus(read.state(), ModelStatus.DEPRECATED));
        Change second = read.retired();
        Change createdAgain = LlmModel.create(read.state());
        Instant now = Instant.now();

        assertThat(models.store(first, ModelEditing.announce(first, now), now)).isEqualTo(Models.Write.STORED);
        assertThat(models.store(second, ModelEditing.announce(second, now), now)).isEqualTo(Models.Write.LOST_RACE);
        assertThat(models.store(createdAgain, ModelEditing.announce(createdAgain, now), now)).isEqualTo(Models.Write.LOST_RACE);
        assertThat(models.find(id)).hasValue(first.after());
    }

    @Test
    void writesNeedTheEditorToken() {
        String id = newId();
        String body = write(aModel(id));

        assertThat(api().put("/api/models/" + id, body).send().statusCode()).isEqualTo(401);
        assertThat(api().put("/api/models/" + id, body).as(TestTokens.UNKNOWN).send().statusCode()).isEqualTo(401);
        assertThat(api().put("/api/models/" + id, body).as(TestTokens.OPS).send().statusCode()).isEqualTo(403);
        assertThat(api().patch("/api/models/" + id, "{}").send().statusCode()).isEqualTo(401);
        assertThat(api().delete("/api/models/" + id).as(TestTokens.OPS).send().statusCode()).isEqualTo(403);
        assertThat(api().post("/api/import", "{\"models\": []}").as(TestTokens.OPS).send().statusCode()).isEqualTo(403);
        assertThat(api().get("/api/models/" + id).send().statusCode()).as("nothing was stored").isEqualTo(404);
    }

    @Test
    void documentsTheApiWithModelSchemas() {
        String document = api().get("/v3/api-docs").send().body();

        assertThat(document).contains("/api/models/{id}").contains("/api/import").contains("application/merge-patch+json")
                .contains("\"ModelInput\"").contains("\"Model\"").contains("\"ImportReport\"").contains("\"CatalogBundle\"")
                .contains("Create or replace a model");
        JsonNode model = parse(document).path("components").path("schemas").path("Model").path("properties");
        assertThat(model.has("revision")).isTrue();
        assertThat(model.has("contextWindow")).as("the unwrapped model fields").isTrue();
    }

    private String created() {
        String id = newId();
        HttpResponse<String> response = api().put("/api/models/" + id, write(aModel(id))).as(TestTokens.EDITOR).send();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return id;
    }

    private static String newId() {
        return "edit-" + System.currentTimeMillis() + "-" + NEXT.incrementAndGet();
    }

    private static List<String> ids(JsonNode page) {
        return page.path("items").valueStream().map(item -> item.path("id").asString()).toList();
    }

    private Api api() {
        return Api.onPort(port);
    }
}
