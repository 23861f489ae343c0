package org.llmreference.pricing.routes.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.llmreference.pricing.PricingIntegrationTest;
import org.llmreference.testsupport.TestTokens;

import tools.jackson.databind.JsonNode;

/**
 * The upstream sync's puts: their provenance lands in the route's history, and a term an editor
 * changed after the last upstream value keeps the editor's value and becomes a listed conflict.
 */
class UpstreamSyncTest extends PricingIntegrationTest {

    static final String FIRST = "{\"inputPricePerMTok\": 1.0, \"outputPricePerMTok\": 2.0, \"contextWindow\": 131072}";
    static final String SECOND = "{\"inputPricePerMTok\": 1.2, \"outputPricePerMTok\": 2.5, \"contextWindow\": 131072}";
    static final String THIRD = "{\"inputPricePerMTok\": 1.3, \"outputPricePerMTok\": 2.5, \"contextWindow\": 131072}";
    static final String EDITED = "{\"inputPricePerMTok\": 0.8, \"outputPricePerMTok\": 2.0, \"contextWindow\": 131072}";

    private HttpResponse<String> sync(String model, String provider, String json, String commit) {
        return api().put(routePath(model, provider), json).as(TestTokens.EDITOR).header("X-Llmref-Origin", "sync")
                .header("X-Llmref-Upstream-Commit", commit)
                .header("X-Llmref-Upstream-Path", "providers/" + provider + "/models/" + model + ".toml").send();
    }

    private JsonNode history(String model, String provider) {
        return json(api().get(routePath(model, provider) + "/history").send());
    }

    private JsonNode conflictsOf(String model) {
        HttpResponse<String> list = api().get("/api/sync/conflicts").as(TestTokens.OPS).send();
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        JsonNode mine = JSON.createArrayNode();
        for (JsonNode conflict : json(list)) {
            if (conflict.get("modelId").asString().equals(model)) {
                ((tools.jackson.databind.node.ArrayNode) mine).add(conflict);
            }
        }
        return mine;
    }

    private String route(String model, String provider, String field) {
        return json(api().get(routePath(model, provider)).send()).get(field).decimalValue().toPlainString();
    }

    @Test
    void anUpstreamChangeIsRecordedWithItsCommitAndAnEditorsChangeAsTheEditors() {
        String model = knownModel(unique("synced"));
        String provider = provider(unique("deepinfra"), "DeepInfra");

        assertThat(sync(model, provider, FIRST, "aaaaaaa1").statusCode()).isEqualTo(201);
        HttpResponse<String> changed = sync(model, provider, SECOND, "bbbbbbb2");

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(changed.headers().firstValue("X-Llmref-Sync-Conflict")).isEmpty();
        assertThat(route(model, provider, "inputPricePerMTok")).isEqualTo("1.2");
        JsonNode history = history(model, provider);
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(1).get("provenance").get("origin").asString()).isEqualTo("sync");
        assertThat(history.get(1).get("provenance").get("commit").asString()).isEqualTo("bbbbbbb2");
        assertThat(history.get(1).get("provenance").get("path").asString())
                .isEqualTo("providers/" + provider + "/models/" + model + ".toml");
        assertThat(history.get(0).get("provenance").get("commit").asString()).isEqualTo("aaaaaaa1");

        putRoute(model, provider, THIRD);
        assertThat(history(model, provider).get(2).get("provenance").get("origin").asString()).isEqualTo("editor");
        JsonNode editors = history(model, provider).get(2).get("provenance").path("commit");
        assertThat(editors.isNull() || editors.isMissingNode()).as("an editor's change names no commit").isTrue();
    }

    @Test
    void anEditorsLaterChangeIsNotOverwrittenAndIsListedUntilAcceptedForUpstream() {
        String model = knownModel(unique("conflict"));
        String provider = provider(unique("together"), "Together");
        sync(model, provider, FIRST, "aaaaaaa1");
        putRoute(model, provider, EDITED);

        HttpResponse<String> upstream = sync(model, provider, SECOND, "bbbbbbb2");

        assertThat(upstream.statusCode()).as(upstream.body()).isEqualTo(200);
        assertThat(upstream.headers().firstValue("X-Llmref-Sync-Conflict")).hasValue("inputPricePerMTok");
        assertThat(route(model, provider, "inputPricePerMTok")).as("the editor's value stays").isEqualTo("0.8");
        assertThat(route(model, provider, "outputPricePerMTok")).as("a term upstream owns follows it").isEqualTo("2.5");
        JsonNode conflicts = conflictsOf(model);
        assertThat(conflicts.size()).isEqualTo(1);
        JsonNode field = conflicts.get(0).get("fields").get(0);
        assertThat(field.get("field").asString()).isEqualTo("inputPricePerMTok");
        assertThat(field.get("ours").asString()).isEqualTo("0.8");
        assertThat(field.get("upstream").asString()).isEqualTo("1.2");
        assertThat(conflicts.get(0).get("provenance").get("commit").asString()).isEqualTo("bbbbbbb2");
        assertThat(api().get("/api/sync/conflicts").send().statusCode()).as("visitors do not see it").isEqualTo(401);

        sync(model, provider, SECOND, "bbbbbbb2");
        assertThat(route(model, provider, "inputPricePerMTok")).as("a second run overwrites nothing").isEqualTo("0.8");
        assertThat(conflictsOf(model).size()).isEqualTo(1);

        HttpResponse<String> accept = api().post("/api/sync/conflicts/" + model + "/" + provider, "{\"keep\":\"upstream\"}")
                .as(TestTokens.EDITOR).send();

        assertThat(accept.statusCode()).as(accept.body()).isEqualTo(200);
        assertThat(route(model, provider, "inputPricePerMTok")).isEqualTo("1.2");
        assertThat(conflictsOf(model).size()).isZero();
        JsonNode history = history(model, provider);
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("changedFields").toString()).isEqualTo("[\"inputPricePerMTok\"]");
        assertThat(last.get("provenance").get("commit").asString()).isEqualTo("bbbbbbb2");

        sync(model, provider, THIRD, "ccccccc3");
        assertThat(route(model, provider, "inputPricePerMTok")).as("upstream owns the term again").isEqualTo("1.3");
        assertThat(conflictsOf(model).size()).isZero();
    }

    @Test
    void keepingOursSilencesThatUpstreamValueButNotTheNextOne() {
        String model = knownModel(unique("keep"));
        String provider = provider(unique("fireworks"), "Fireworks");
        sync(model, provider, FIRST, "aaaaaaa1");
        putRoute(model, provider, EDITED);
        sync(model, provider, SECOND, "bbbbbbb2");

        HttpResponse<String> keep = api().post("/api/sync/conflicts/" + model + "/" + provider, "{\"keep\":\"ours\"}")
                .as(TestTokens.EDITOR).send();

        assertThat(keep.statusCode()).as(keep.body()).isEqualTo(200);
        assertThat(conflictsOf(model).size()).isZero();
        sync(model, provider, SECOND, "bbbbbbb2");
        assertThat(conflictsOf(model).size()).isZero();
        assertThat(route(model, provider, "inputPricePerMTok")).isEqualTo("0.8");

        sync(model, provider, THIRD, "ccccccc3");
        assertThat(route(model, provider, "inputPricePerMTok")).isEqualTo("0.8");
        assertThat(conflictsOf(model).get(0).get("fields").get(0).get("upstream").asString()).isEqualTo("1.3");
        assertThat(api().post("/api/sync/conflicts/" + model + "/" + provider, "{\"keep\":\"theirs\"}")
                .as(TestTokens.EDITOR).send().statusCode()).isEqualTo(400);
        assertThat(api().post("/api/sync/conflicts/" + model + "/nobody", "{\"keep\":\"ours\"}")
                .as(TestTokens.EDITOR).send().statusCode()).isEqualTo(404);
    }

    @Test
    void anEditorsSourceIsKeptWithoutListingAConflict() {
        String model = knownModel(unique("source"));
        String provider = provider(unique("nebius"), "Nebius");
        sync(model, provider, FIRST.replace("}", ", \"sourceUrl\": \"https://upstream.example/doc\"}"), "aaaaaaa1");
        putRoute(model, provider, FIRST.replace("}", ", \"sourceUrl\": \"https://nebius.example/prices\"}"));

        HttpResponse<String> upstream = sync(model, provider,
                SECOND.replace("}", ", \"sourceUrl\": \"https://upstream.example/doc2\"}"), "bbbbbbb2");

        assertThat(upstream.headers().firstValue("X-Llmref-Sync-Conflict")).isEmpty();
        JsonNode route = json(api().get(routePath(model, provider)).send());
        assertThat(route.get("sourceUrl").asString()).isEqualTo("https://nebius.example/prices");
        assertThat(route.get("inputPricePerMTok").decimalValue()).isEqualByComparingTo("1.2");
        assertThat(conflictsOf(model).size()).isZero();
    }

    @Test
    void refusesWrongProvenanceHeadersAndStoresNothing() {
        String model = knownModel(unique("headers"));
        String provider = provider(unique("groq"), "Groq");
        sync(model, provider, FIRST, "aaaaaaa1");
        String path = routePath(model, provider);

        HttpResponse<String> robot = api().put(path, SECOND).as(TestTokens.EDITOR).header("X-Llmref-Origin", "robot").send();
        HttpResponse<String> badCommit = api().put(path, SECOND).as(TestTokens.EDITOR).header("X-Llmref-Origin", "sync")
                .header("X-Llmref-Upstream-Commit", "not-a-commit").send();
        HttpResponse<String> escaping = api().put(path, SECOND).as(TestTokens.EDITOR).header("X-Llmref-Origin", "sync")
                .header("X-Llmref-Upstream-Commit", "abcdef1").header("X-Llmref-Upstream-Path", "../etc/passwd").send();
        HttpResponse<String> noOrigin = api().put(path, SECOND).as(TestTokens.EDITOR)
                .header("X-Llmref-Upstream-Url", "https://models.dev/api.json").send();
        HttpResponse<String> nothingUpstream = api().put(path, SECOND).as(TestTokens.EDITOR)
                .header("X-Llmref-Origin", "sync").send();
        HttpResponse<String> badUrl = api().put(path, SECOND).as(TestTokens.EDITOR).header("X-Llmref-Origin", "sync")
                .header("X-Llmref-Upstream-Url", "file:///etc/passwd").send();
        HttpResponse<String> scheduled = api().put(path, SECOND.replace("}", ", \"effectiveFrom\": \"" + inSeconds(3600) + "\"}"))
                .as(TestTokens.EDITOR).header("X-Llmref-Origin", "sync").header("X-Llmref-Upstream-Commit", "abcdef1").send();

        assertThat(robot.statusCode()).isEqualTo(400);
        assertThat(robot.body()).contains("X-Llmref-Origin");
        assertThat(badCommit.statusCode()).isEqualTo(400);
        assertThat(badCommit.body()).contains("X-Llmref-Upstream-Commit");
        assertThat(escaping.statusCode()).isEqualTo(400);
        assertThat(escaping.body()).contains("X-Llmref-Upstream-Path");
        assertThat(noOrigin.statusCode()).isEqualTo(400);
        assertThat(noOrigin.body()).contains("X-Llmref-Origin: sync");
        assertThat(nothingUpstream.statusCode()).isEqualTo(400);
        assertThat(badUrl.statusCode()).isEqualTo(400);
        assertThat(badUrl.body()).contains("X-Llmref-Upstream-Url");
        assertThat(scheduled.statusCode()).isEqualTo(400);
        assertThat(scheduled.body()).contains("effectiveFrom");
        assertThat(history(model, provider).size()).isEqualTo(1);
        assertThat(route(model, provider, "inputPricePerMTok")).isEqualTo("1");
    }
}
