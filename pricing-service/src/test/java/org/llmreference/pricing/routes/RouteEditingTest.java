package org.llmreference.pricing.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.EventHeaders;
import org.llmreference.contracts.catalog.ModelChanged;
import org.llmreference.contracts.pricing.PricingEvent;
import org.llmreference.contracts.pricing.RouteChanged;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.contracts.pricing.RouteWithdrawn;
import org.llmreference.pricing.PricingIntegrationTest;
import org.llmreference.testsupport.EventSender;
import org.llmreference.testsupport.Models;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.TestTokens;
import org.llmreference.testsupport.TopicProbe;

import tools.jackson.databind.JsonNode;

/** An editor's route flows, from the HTTP call to the event on {@code pricing.routes.v1}. */
class RouteEditingTest extends PricingIntegrationTest {

    static final String CHEAP = """
            {"inputPricePerMTok": 0.03, "outputPricePerMTok": 0.0000001, "contextWindow": 131072,
             "contextTiers": [{"aboveTokens": 65536, "inputPricePerMTok": 0.06}],
             "sourceUrl": "https://openrouter.ai/openai/gpt-oss-20b", "verifiedAt": "2026-05-01"}""";
    static final String DEARER = """
            {"inputPricePerMTok": 0.05, "outputPricePerMTok": 0.0000001, "contextWindow": 131072,
             "contextTiers": [{"aboveTokens": 65536, "inputPricePerMTok": 0.06}],
             "sourceUrl": "https://openrouter.ai/pricing", "verifiedAt": "2026-05-01"}""";

    @Test
    void createsARouteAndPublishesItKeyedByModelWithExactPrices(TestInfrastructure infrastructure) {
        String model = knownModel(unique("create"));
        String provider = provider(unique("openrouter"), "OpenRouter");

        HttpResponse<String> put = putRoute(model, provider, CHEAP);

        assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
        assertThat(etag(put)).isEqualTo("\"1\"");
        JsonNode body = json(put);
        assertThat(body.get("inputPricePerMTok").decimalValue()).isEqualTo(new BigDecimal("0.03"));
        assertThat(body.get("outputPricePerMTok").decimalValue()).isEqualTo(new BigDecimal("0.0000001"));
        assertThat(put.body()).contains("\"outputPricePerMTok\":0.0000001").contains("\"inputPricePerMTok\":0.03");
        assertThat(body.get("providerName").asString()).isEqualTo("OpenRouter");
        assertThat(body.get("revision").asLong()).isEqualTo(1);
        String causedBy = put.headers().firstValue("X-Caused-By").orElseThrow();

        try (ModelEvents events = new ModelEvents(infrastructure, model)) {
            Envelope<PricingEvent> event = events.revision(1);
            assertThat(TopicProbe.key(events.record(event))).isEqualTo(model);
            assertThat(TopicProbe.header(events.record(event), EventHeaders.EVENT_TYPE)).isEqualTo("pricing.RouteChanged.v1");
            assertThat(TopicProbe.header(events.record(event), EventHeaders.EVENT_ID)).isEqualTo(causedBy);
            assertThat(event.causedBy()).isEqualTo(causedBy);
            RouteChanged changed = (RouteChanged) event.payload();
            assertThat(changed.changedFields()).containsExactly("route");
            RouteSnapshot route = changed.routes().get(0);
            assertThat(route.terms().inputPricePerMTok()).isEqualByComparingTo("0.03");
            assertThat(route.terms().inputPricePerMTok().toPlainString()).isEqualTo("0.03");
            assertThat(route.terms().outputPricePerMTok().toPlainString()).isEqualTo("0.0000001");
            assertThat(route.terms().contextTiers().get(0).inputPricePerMTok()).isEqualByComparingTo("0.06");
            assertThat(route.providerName()).isEqualTo("OpenRouter");
        }
    }

    @Test
    void aPriceChangeMakesANewRevisionAndHistoryKeepsBothWithTimesAndSources(TestInfrastructure infrastructure) {
        String model = knownModel(unique("reprice"));
        String provider = provider(unique("together"), "Together");
        putRoute(model, provider, CHEAP);

        HttpResponse<String> change = putRoute(model, provider, DEARER);

        assertThat(change.statusCode()).as(change.body()).isEqualTo(200);
        assertThat(etag(change)).isEqualTo("\"2\"");
        JsonNode history = json(api().get(routePath(model, provider) + "/history").send());
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(0).get("kind").asString()).isEqualTo("applied");
        assertThat(history.get(0).get("sourceUrl").asString()).isEqualTo("https://openrouter.ai/openai/gpt-oss-20b");
        assertThat(history.get(0).get("route").get("inputPricePerMTok").decimalValue()).isEqualByComparingTo("0.03");
        assertThat(history.get(1).get("sourceUrl").asString()).isEqualTo("https://openrouter.ai/pricing");
        assertThat(history.get(1).get("changedFields").toString()).isEqualTo("[\"inputPricePerMTok\",\"sourceUrl\"]");
        assertThat(Instant.parse(history.get(0).get("at").asString()))
                .isBeforeOrEqualTo(Instant.parse(history.get(1).get("at").asString()));
        try (ModelEvents events = new ModelEvents(infrastructure, model)) {
            RouteChanged changed = (RouteChanged) events.revision(2).payload();
            assertThat(changed.changedFields()).containsExactly("inputPricePerMTok", "sourceUrl");
            assertThat(changed.routes().get(0).terms().inputPricePerMTok()).isEqualByComparingTo("0.05");
        }
    }

    @Test
    void theSameRouteAgainChangesNothing(TestInfrastructure infrastructure) {
        String model = knownModel(unique("same"));
        String provider = provider(unique("groq"), "Groq");
        putRoute(model, provider, CHEAP);

        HttpResponse<String> again = putRoute(model, provider, CHEAP.replace("0.03", "0.030"));

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(etag(again)).isEqualTo("\"1\"");
        assertThat(again.headers().firstValue("X-Caused-By")).isEmpty();
        assertThat(json(api().get(routePath(model, provider) + "/history").send()).size()).isEqualTo(1);
        putRoute(model, provider, DEARER);
        try (ModelEvents events = new ModelEvents(infrastructure, model)) {
            assertThat(events.awaitRevision(2)).extracting(Envelope::revision).containsExactly(1L, 2L);
        }
    }

    @Test
    void publishesEveryRouteOfTheModelInTheOrderTheyWereListed(TestInfrastructure infrastructure) {
        String model = knownModel(unique("two-routes"));
        String second = provider("zz-" + unique("p"), "Zed");
        String first = provider("aa-" + unique("p"), "Ay");
        putRoute(model, second, CHEAP);

        putRoute(model, first, "{\"inputPricePerMTok\": 0.1}");

        try (ModelEvents events = new ModelEvents(infrastructure, model)) {
            RouteChanged changed = (RouteChanged) events.revision(2).payload();
            assertThat(changed.providerId()).isEqualTo(first);
            assertThat(changed.routes()).extracting(RouteSnapshot::providerId).containsExactly(second, first);
        }
        JsonNode priceList = json(api().get("/api/models/" + model + "/routes").send());
        assertThat(priceList.get("revision").asLong()).isEqualTo(2);
        assertThat(priceList.get("routes").get(0).get("providerId").asString()).isEqualTo(second);
    }

    @Test
    void acceptsARouteWithAnInputPriceOnlyOrWithoutAnyPrice(TestInfrastructure infrastructure) {
        String model = knownModel(unique("partial"));
        String embedding = provider(unique("embedder"), "Embedder");
        String tracked = provider(unique("tracked"), "Tracked");

        assertThat(putRoute(model, embedding, "{\"inputPricePerMTok\": 0.02}").statusCode()).isEqualTo(201);
        assertThat(putRoute(model, tracked, "{\"region\": \"eu-west\"}").statusCode()).isEqualTo(201);

        try (ModelEvents events = new ModelEvents(infrastructure, model)) {
            List<RouteSnapshot> routes = ((RouteChanged) events.revision(2).payload()).routes();
            RouteSnapshot embeddingRoute = routes.stream().filter(r -> r.providerId().equals(embedding)).findFirst().orElseThrow();
            RouteSnapshot trackedRoute = routes.stream().filter(r -> r.providerId().equals(tracked)).findFirst().orElseThrow();
            assertThat(embeddingRoute.terms().outputPricePerMTok()).isNull();
            assertThat(trackedRoute.terms().inputPricePerMTok()).isNull();
            assertThat(trackedRoute.terms().outputPricePerMTok()).isNull();
        }
    }

    @Test
    void withdrawingARoutePublishesTheRoutesThatRemain(TestInfrastructure infrastructure) {
        String model = knownModel(unique("withdraw"));
        String staying = provider(unique("staying"), "Staying");
        String leaving = provider(unique("leaving"), "Leaving");
        putRoute(model, staying, CHEAP);
        putRoute(model, leaving, DEARER);

        HttpResponse<String> withdrawn = api().delete(routePath(model, leaving)).as(TestTokens.EDITOR).send();

        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        assertThat(etag(withdrawn)).isEqualTo("\"3\"");
        try (ModelEvents events = new ModelEvents(infrastructure, model)) {
            Envelope<PricingEvent> event = events.revision(3);
            assertThat(event.payload()).isInstanceOf(RouteWithdrawn.class);
            assertThat(event.payload().providerId()).isEqualTo(leaving);
            assertThat(event.payload().routes()).extracting(RouteSnapshot::providerId).containsExactly(staying);
        }
        assertThat(json(api().get(routePath(model, leaving) + "/history").send()).get(1).get("kind").asString())
                .isEqualTo("withdrawn");
        assertThat(api().delete(routePath(model, leaving)).as(TestTokens.EDITOR).send().statusCode()).isEqualTo(404);
    }

    @Test
    void refusesARouteForAnUnknownModelUntilTheCatalogPublishesIt(TestInfrastructure infrastructure) {
        String model = unique("not-yet");
        String provider = provider(unique("early"), "Early");

        HttpResponse<String> early = putRoute(model, provider, CHEAP);

        assertThat(early.statusCode()).isEqualTo(422);
        assertThat(early.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(early.body()).contains("\"rule\":\"unknown-model\"").contains("once the catalog publishes the model");
        assertThat(api().get("/api/models/" + model + "/routes").send().statusCode()).isEqualTo(404);

        try (EventSender sender = new EventSender(infrastructure.kafkaBootstrapServers())) {
            sender.send(Envelope.startingChain(new ModelChanged(Models.aModel(model), List.of()), model, 1, Instant.now()));
        }
        await().atMost(WAIT).until(() -> knownModels.find(model).isPresent());

        assertThat(putRoute(model, provider, CHEAP).statusCode()).isEqualTo(201);
    }

    @Test
    void refusesARouteForARetiredModelButAcceptsOneForADeprecatedModel() {
        String retired = knownModel(unique("retired"));
        retire(retired, 2);
        String deprecated = unique("deprecated");
        knownModels.learn(Models.withStatus(Models.aModel(deprecated),
                org.llmreference.contracts.catalog.ModelStatus.DEPRECATED), 1);
        String provider = provider(unique("any"), "Any");

        HttpResponse<String> refused = putRoute(retired, provider, CHEAP);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("\"rule\":\"retired-model\"");
        assertThat(putRoute(deprecated, provider, CHEAP).statusCode()).isEqualTo(201);
    }

    @Test
    void aStaleIfMatchAnswers412AndChangesNothing() {
        String model = knownModel(unique("stale"));
        String provider = provider(unique("p"), "P");
        putRoute(model, provider, CHEAP);
        putRoute(model, provider, DEARER);

        HttpResponse<String> stale = api().put(routePath(model, provider), CHEAP).as(TestTokens.EDITOR)
                .header("If-Match", "\"1\"").send();
        HttpResponse<String> staleWithdraw = api().delete(routePath(model, provider)).as(TestTokens.EDITOR)
                .header("If-Match", "\"1\"").send();
        HttpResponse<String> current = api().put(routePath(model, provider), CHEAP).as(TestTokens.EDITOR)
                .header("If-Match", "\"2\"").send();

        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(stale.body()).contains("current revision is 2");
        assertThat(staleWithdraw.statusCode()).isEqualTo(412);
        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(etag(current)).isEqualTo("\"3\"");
    }

    @Test
    void writesNeedTheEditorToken() {
        String model = knownModel(unique("auth"));
        String provider = provider(unique("p"), "P");

        HttpResponse<String> anonymous = api().put(routePath(model, provider), CHEAP).send();
        HttpResponse<String> ops = api().put(routePath(model, provider), CHEAP).as(TestTokens.OPS).send();
        HttpResponse<String> anonymousProvider = api().put("/api/providers/x", "{\"name\":\"X\"}").send();
        HttpResponse<String> anonymousImport = api().post("/api/import", "{}").send();

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(ops.statusCode()).isEqualTo(403);
        assertThat(ops.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(anonymousProvider.statusCode()).isEqualTo(401);
        assertThat(anonymousImport.statusCode()).isEqualTo(401);
        assertThat(api().get("/api/models/" + model + "/routes").send().statusCode()).isEqualTo(200);
    }

    @Test
    void aKnownModelWithoutRoutesHasAnEmptyPriceList() {
        String model = knownModel(unique("empty"));

        HttpResponse<String> priceList = api().get("/api/models/" + model + "/routes").send();

        assertThat(priceList.statusCode()).isEqualTo(200);
        assertThat(etag(priceList)).isEqualTo("\"0\"");
        assertThat(json(priceList).get("routes").size()).isZero();
        assertThat(api().get("/api/models/" + model + "/routes/nobody").send().statusCode()).isEqualTo(404);
    }
}
