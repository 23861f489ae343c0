package org.llmreference.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.llmreference.testsupport.Fixtures.aModel;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.EventCodec;
import org.llmreference.contracts.catalog.Capabilities;
import org.llmreference.contracts.catalog.ModelChanged;
import org.llmreference.contracts.catalog.ModelRetired;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.catalog.ModelStatus;
import org.llmreference.testsupport.Api;
import org.llmreference.testsupport.EventSender;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.TestTokens;
import org.llmreference.testsupport.WithInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;

import tools.jackson.databind.JsonNode;

/**
 * Ten identical models of a family of their own: each counts eight of the others (the ids that
 * sort first) as its nearest peers, so the last two are not a pair until an editor curates them.
 */
@WithInfrastructure
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CuratingAndWithdrawingPairsTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    Environment environment;

    @Test
    void anEditorCuratesAPairBeyondTheNearestPeersAndWithdrawsItAgain(TestInfrastructure infrastructure) {
        String family = "twins-" + System.nanoTime();
        sendTwins(infrastructure, family);
        String pair = family + "-8-vs-" + family + "-9";
        await().atMost(WAIT).until(() -> allTwinsArrived(family) && comparison(family + "-0-vs-" + family + "-1").statusCode() == 200);
        await().atMost(WAIT).until(() -> api().get("/api/pairs/" + pair).send().statusCode() == 404);

        HttpResponse<String> curated = api().put("/api/pairs/" + family + "-9-vs-" + family + "-8", "").as(TestTokens.EDITOR).send();

        assertThat(curated.statusCode()).isEqualTo(201);
        assertThat(curated.headers().firstValue("Location")).hasValue("/api/pairs/" + pair);
        assertThat(curated.headers().firstValue("X-Caused-By")).isPresent();
        JsonNode body = EventCodec.mapper().readTree(curated.body());
        assertThat(body.get("curated").asBoolean()).isTrue();
        assertThat(body.get("peer").asBoolean()).isFalse();
        assertThat(body.get("live").asBoolean()).isTrue();
        await().atMost(WAIT).until(() -> comparison(pair).statusCode() == 200);
        assertThat(api().put("/api/pairs/" + pair, "").as(TestTokens.EDITOR).send().statusCode()).isEqualTo(200);
        assertThat(api().get("/api/pairs?curated=true&size=1000").send().body()).contains("\"pairId\":\"" + pair + "\"")
                .doesNotContain(family + "-0-vs-");

        HttpResponse<String> uncurated = api().delete("/api/pairs/" + pair).as(TestTokens.EDITOR).send();

        assertThat(uncurated.statusCode()).isEqualTo(200);
        assertThat(EventCodec.mapper().readTree(uncurated.body()).get("live").asBoolean()).isFalse();
        HttpResponse<String> gone = await().atMost(WAIT).until(() -> comparison(pair), response -> response.statusCode() == 410);
        assertThat(gone.body()).contains("an editor withdrew the pair");
        assertThat(api().delete("/api/pairs/" + pair).as(TestTokens.EDITOR).send().statusCode()).isEqualTo(404);
        assertThat(api().get("/api/pairs?curated=true&size=1000").send().body()).doesNotContain(pair);
    }

    @Test
    void retiringAModelWithdrawsItsComparisons(TestInfrastructure infrastructure) {
        String family = "retiring-" + System.nanoTime();
        sendTwins(infrastructure, family);
        String pair = family + "-0-vs-" + family + "-1";
        await().atMost(WAIT).until(() -> comparison(pair).statusCode() == 200);

        try (EventSender sender = new EventSender(infrastructure.kafkaBootstrapServers())) {
            ModelSnapshot retired = twin(family, 0, ModelStatus.RETIRED);
            sender.send(Envelope.startingChain(new ModelRetired(retired, List.of("status")), retired.id(), 2, Instant.now()));
        }

        HttpResponse<String> gone = await().atMost(WAIT).until(() -> comparison(pair), response -> response.statusCode() == 410);
        assertThat(gone.body()).contains(family + " twin 0 was retired");
        assertThat(api().get("/api/pairs?model=" + family + "-0").send().statusCode()).isEqualTo(404);
        assertThat(api().get("/api/pairs?model=" + family + "-1").send().body()).doesNotContain(family + "-0-vs-");
        assertThat(api().put("/api/pairs/" + pair, "").as(TestTokens.EDITOR).send())
                .satisfies(response -> {
                    assertThat(response.statusCode()).isEqualTo(422);
                    assertThat(response.body()).contains("retired-model");
                });
    }

    @Test
    void refusesWhatIsNotAPairAndWritesWithoutTheEditorRole() {
        for (String bad : List.of("gpt-oss-20b", "a-vs-a", "A-vs-b", "a-vs-b-vs-c", "a..b-vs-c")) {
            HttpResponse<String> response = api().get("/api/comparisons/" + bad).send();
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
            assertThat(api().put("/api/pairs/" + bad, "").as(TestTokens.EDITOR).send().statusCode()).as(bad).isEqualTo(400);
        }
        assertThat(api().put("/api/pairs/no-such-model-vs-other-missing-model", "").as(TestTokens.EDITOR).send())
                .satisfies(response -> {
                    assertThat(response.statusCode()).isEqualTo(422);
                    assertThat(response.body()).contains("unknown-model").doesNotContain("Exception");
                });
        assertThat(api().put("/api/pairs/a-vs-b", "").send().statusCode()).isEqualTo(401);
        assertThat(api().put("/api/pairs/a-vs-b", "").as(TestTokens.UNKNOWN).send().statusCode()).isEqualTo(401);
        assertThat(api().put("/api/pairs/a-vs-b", "").as(TestTokens.OPS).send().statusCode()).isEqualTo(403);
        assertThat(api().delete("/api/pairs/a-vs-b").send().statusCode()).isEqualTo(401);
        assertThat(comparison("never-vs-seen").statusCode()).isEqualTo(404);
        assertThat(api().get("/api/pairs?model=Not A Slug".replace(" ", "%20")).send().statusCode()).isEqualTo(400);
        assertThat(api().get("/api/pairs?size=0").send().statusCode()).isEqualTo(400);
    }

    @Test
    void aCurationTakesNoBodyOrAnEmptyObjectAndRefusesAnythingElse() {
        String unknown = "/api/pairs/no-such-model-vs-other-missing-model";
        assertThat(api().put(unknown, "{}").as(TestTokens.EDITOR).send().statusCode()).as("{} passes").isEqualTo(422);
        assertThat(api().put(unknown, " { } ").as(TestTokens.EDITOR).send().statusCode()).as("{ } passes").isEqualTo(422);

        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        for (String body : List.of(deep, "{\"curated\": true}", "[]", "null", "\"\"")) {
            HttpResponse<String> refused = api().put(unknown, body).as(TestTokens.EDITOR).send();
            assertThat(refused.statusCode()).as(body.substring(0, Math.min(20, body.length()))).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.body()).contains("\"field\":\"body\"").contains("\"rule\":\"empty\"");
        }
        HttpResponse<String> notJson = api().put(unknown, "{}").as(TestTokens.EDITOR).header("Content-Type", "text/plain").send();
        assertThat(notJson.statusCode()).isEqualTo(415);
        assertThat(notJson.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private boolean allTwinsArrived(String family) {
        for (int i = 0; i < 10; i++) {
            if (api().get("/api/pairs?model=" + family + "-" + i).send().statusCode() != 200) {
                return false;
            }
        }
        return true;
    }

    private void sendTwins(TestInfrastructure infrastructure, String family) {
        try (EventSender sender = new EventSender(infrastructure.kafkaBootstrapServers())) {
            for (int i = 0; i < 10; i++) {
                ModelSnapshot twin = twin(family, i, ModelStatus.ACTIVE);
                sender.send(Envelope.startingChain(new ModelChanged(twin, List.of()), twin.id(), 1, Instant.now()));
            }
        }
    }

    static ModelSnapshot twin(String family, int i, ModelStatus status) {
        return aModel(family + "-" + i).named(family + " twin " + i).fromVendor(family + " lab").ofFamily(family)
                .releasedOn("2026-01-01").withContextWindow(131_072).withParameters("8").withLicense("MIT")
                .withOpenWeights(true).textOnly()
                .withCapabilities(new Capabilities(false, false, true, true, true, true, false, false, false, false))
                .withStatus(status).build();
    }

    private HttpResponse<String> comparison(String pairId) {
        return api().get("/api/comparisons/" + pairId).send();
    }

    private Api api() {
        return Api.onPort(environment.getProperty("local.server.port"));
    }
}
