package org.llmreference.pricing.routes.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.llmreference.pricing.PricingIntegrationTest;
import org.llmreference.testsupport.TestTokens;

import tools.jackson.databind.JsonNode;

/**
 * What the sync's puts do to a route's upstream source, and the sync's withdrawal of a route
 * upstream no longer lists: withdrawn with its provenance, or kept as a conflict when an editor
 * changed it since.
 */
class UpstreamSourceAndWithdrawalTest extends PricingIntegrationTest {

    static final String COMMIT_1 = "1111111111111111111111111111111111111111";
    static final String COMMIT_2 = "2222222222222222222222222222222222222222";

    private static String withSource(String terms, String file) {
        return terms.replace("}", ", \"upstream\": {\"providerModelId\": \"vendor/" + file + "\", \"path\": \"providers/p/models/"
                + file + ".toml\"}}");
    }

    private HttpResponse<String> sync(String model, String provider, String json, String commit) {
        return api().put(routePath(model, provider), json).as(TestTokens.EDITOR).header("X-Llmref-Origin", "sync")
                .header("X-Llmref-Upstream-Commit", commit).send();
    }

    private HttpResponse<String> syncWithdraw(String model, String provider, String commit) {
        return api().delete(routePath(model, provider)).as(TestTokens.EDITOR).header("X-Llmref-Origin", "sync")
                .header("X-Llmref-Upstream-Commit", commit).send();
    }

    private JsonNode route(String model, String provider) {
        HttpResponse<String> route = api().get(routePath(model, provider)).send();
        assertThat(route.statusCode()).as(route.body()).isEqualTo(200);
        return json(route);
    }

    private JsonNode openConflict(String model) {
        HttpResponse<String> list = api().get("/api/sync/conflicts").as(TestTokens.OPS).send();
        for (JsonNode conflict : json(list)) {
            if (conflict.get("modelId").asString().equals(model)) {
                return conflict;
            }
        }
        return null;
    }

    @Test
    void aSyncChangeNamesItsNewUpstreamFileAndCommitAndAnEditorsChangeDropsIt() {
        String model = knownModel(unique("traced"));
        String provider = provider(unique("chutes"), "Chutes");

        assertThat(sync(model, provider, withSource(UpstreamSyncTest.FIRST, "a"), COMMIT_1).statusCode()).isEqualTo(201);
        JsonNode first = route(model, provider).get("upstream");
        assertThat(first.get("path").asString()).isEqualTo("providers/p/models/a.toml");
        assertThat(first.get("commit").asString()).as("the commit of the sync's provenance").isEqualTo(COMMIT_1);

        HttpResponse<String> changed = sync(model, provider, withSource(UpstreamSyncTest.SECOND, "b"), COMMIT_2);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        JsonNode second = route(model, provider).get("upstream");
        assertThat(second.get("path").asString()).isEqualTo("providers/p/models/b.toml");
        assertThat(second.get("providerModelId").asString()).isEqualTo("vendor/b");
        assertThat(second.get("commit").asString()).isEqualTo(COMMIT_2);

        HttpResponse<String> editorSource = putRoute(model, provider, withSource(UpstreamSyncTest.SECOND, "c"));
        assertThat(editorSource.statusCode()).isEqualTo(400);
        assertThat(editorSource.body()).contains("upstream").contains("not by an editor");
        assertThat(route(model, provider).get("upstream").get("path").asString()).isEqualTo("providers/p/models/b.toml");

        assertThat(putRoute(model, provider, UpstreamSyncTest.SECOND).statusCode()).isEqualTo(200);
        assertThat(route(model, provider).get("upstream").get("commit").asString())
                .as("an editor's put of the same terms keeps the source").isEqualTo(COMMIT_2);

        assertThat(putRoute(model, provider, UpstreamSyncTest.THIRD).statusCode()).isEqualTo(200);
        assertThat(route(model, provider).has("upstream")).as("the upstream file no longer accounts for an editor's price")
                .isFalse();
    }

    @Test
    void aRouteUpstreamNoLongerListsIsWithdrawnWithItsProvenance() {
        String model = knownModel(unique("gone"));
        String provider = provider(unique("lepton"), "Lepton");
        sync(model, provider, withSource(UpstreamSyncTest.FIRST, "gone"), COMMIT_1);

        HttpResponse<String> withdrawn = syncWithdraw(model, provider, COMMIT_2);

        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.headers().firstValue("X-Llmref-Sync-Conflict")).isEmpty();
        assertThat(withdrawn.headers().firstValue("X-Caused-By")).isPresent();
        assertThat(api().get(routePath(model, provider)).send().statusCode()).isEqualTo(404);
        JsonNode history = json(api().get(routePath(model, provider) + "/history").send());
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("kind").asString()).isEqualTo("withdrawn");
        assertThat(last.get("provenance").get("origin").asString()).isEqualTo("sync");
        assertThat(last.get("provenance").get("commit").asString()).isEqualTo(COMMIT_2);
        assertThat(syncWithdraw(model, provider, COMMIT_2).statusCode()).as("gone already").isEqualTo(404);
    }

    @Test
    void aRouteAnEditorChangedStaysAsAConflictUntilAnEditorAcceptsTheWithdrawal() {
        String model = knownModel(unique("kept"));
        String provider = provider(unique("novita"), "Novita");
        sync(model, provider, withSource(UpstreamSyncTest.FIRST, "kept"), COMMIT_1);
        putRoute(model, provider, UpstreamSyncTest.EDITED);

        HttpResponse<String> kept = syncWithdraw(model, provider, COMMIT_2);

        assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
        assertThat(kept.headers().firstValue("X-Llmref-Sync-Conflict")).hasValue("route");
        assertThat(route(model, provider).get("inputPricePerMTok").decimalValue()).isEqualByComparingTo("0.8");
        JsonNode conflict = openConflict(model);
        assertThat(conflict).as("listed for editors").isNotNull();
        assertThat(conflict.get("fields").get(0).get("field").asString()).isEqualTo("route");
        assertThat(conflict.get("fields").get(0).get("upstream").asString()).isEqualTo("withdrawn");
        assertThat(conflict.get("provenance").get("commit").asString()).isEqualTo(COMMIT_2);

        syncWithdraw(model, provider, COMMIT_2);
        assertThat(route(model, provider).get("inputPricePerMTok").decimalValue()).as("a second run withdraws nothing")
                .isEqualByComparingTo("0.8");

        HttpResponse<String> accept = api().post("/api/sync/conflicts/" + model + "/" + provider, "{\"keep\":\"upstream\"}")
                .as(TestTokens.EDITOR).send();
        assertThat(accept.statusCode()).as(accept.body()).isEqualTo(200);
        assertThat(json(accept).get("withdrawn").asBoolean()).isTrue();
        assertThat(api().get(routePath(model, provider)).send().statusCode()).isEqualTo(404);
        assertThat(openConflict(model)).isNull();
    }

    @Test
    void anEditorsOwnRouteIsNotTheSyncsToWithdraw() {
        String model = knownModel(unique("own"));
        String provider = provider(unique("baseten"), "Baseten");
        putRoute(model, provider, UpstreamSyncTest.FIRST);

        HttpResponse<String> refused = syncWithdraw(model, provider, COMMIT_1);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("did not come from upstream");
        assertThat(route(model, provider).get("inputPricePerMTok").decimalValue()).isEqualByComparingTo("1.0");
        assertThat(api().delete(routePath(model, provider)).as(TestTokens.EDITOR).header("X-Llmref-Origin", "sync").send()
                .statusCode()).as("a sync withdrawal needs its provenance").isEqualTo(400);
    }
}
