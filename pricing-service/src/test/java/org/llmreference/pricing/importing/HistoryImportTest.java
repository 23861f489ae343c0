package org.llmreference.pricing.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmreference.pricing.importing.BundleImportTest.counts;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.pricing.PricingEvent;
import org.llmreference.contracts.pricing.RouteChanged;
import org.llmreference.contracts.pricing.UpstreamSource;
import org.llmreference.importing.bundle.Bundles;
import org.llmreference.importing.bundle.CatalogBundle;
import org.llmreference.importing.bundle.HistoryBundle;
import org.llmreference.importing.bundle.HistoryBundle.Step;
import org.llmreference.importing.bundle.ProviderEntry;
import org.llmreference.importing.bundle.RouteEntry;
import org.llmreference.pricing.PricingIntegrationTest;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.TestTokens;

import tools.jackson.databind.JsonNode;

/** Imported routes say where upstream they came from; upstream's past lands in their history without news. */
class HistoryImportTest extends PricingIntegrationTest {

    static final String C1 = "a1".repeat(20);
    static final String C2 = "b2".repeat(20);
    static final String C3 = "c3".repeat(20);
    static final String PATH = "providers/acme/models/openai/gpt-oss-20b.toml";

    static RouteEntry route(String modelId, String providerId, String input, String output, UpstreamSource upstream) {
        return new RouteEntry(modelId, providerId, new BigDecimal(input), new BigDecimal(output), null, null, null, null,
                List.of(), 131_072, null, null, "https://github.com/anomalyco/models.dev/blob/" + C3 + "/" + PATH,
                LocalDate.parse("2026-03-02"), upstream);
    }

    static UpstreamSource upstream() {
        return new UpstreamSource("openai/gpt-oss-20b", PATH, C3, Instant.parse("2026-03-02T08:00:00Z"),
                List.of("providers/acme/models/openai/gpt-oss-20b:free.toml"));
    }

    String importRoutes(String modelId, String providerId) {
        HttpResponse<String> imported = api().post("/api/import", Bundles.toJson(new CatalogBundle("upstream",
                List.of(new ProviderEntry(providerId, "Acme", null)), List.of(),
                List.of(route(modelId, providerId, "0.05", "0.2", upstream()))))).as(TestTokens.EDITOR).send();
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        return modelId;
    }

    HttpResponse<String> importHistory(HistoryBundle history) {
        return api().post("/api/import/history", Bundles.mapper().writeValueAsString(history)).as(TestTokens.EDITOR).send();
    }

    static Step step(String at, String kind, String commit, RouteEntry route) {
        return new Step(Instant.parse(at), kind, commit, PATH, route);
    }

    @Test
    void anImportedRouteShowsItsUpstreamSourceInTheApiAndTheEvent(TestInfrastructure infrastructure) {
        String model = importRoutes(knownModel(unique("traced")), unique("acme"));

        JsonNode route = json(api().get("/api/models/" + model + "/routes").send()).get("routes").get(0);
        assertThat(route.get("upstream").get("path").asString()).isEqualTo(PATH);
        assertThat(route.get("upstream").get("commit").asString()).isEqualTo(C3);
        assertThat(route.get("upstream").get("providerModelId").asString()).isEqualTo("openai/gpt-oss-20b");
        assertThat(route.get("upstream").get("alsoFolded").get(0).asString())
                .isEqualTo("providers/acme/models/openai/gpt-oss-20b:free.toml");
        assertThat(route.get("verifiedAt").asString()).isEqualTo("2026-03-02");
        try (ModelEvents events = new ModelEvents(infrastructure, model)) {
            RouteChanged changed = (RouteChanged) events.revision(1).payload();
            assertThat(changed.routes().get(0).upstream()).isEqualTo(upstream());
        }
    }

    @Test
    void rejectsAnImportedRouteWhoseUpstreamCommitIsNotACommitId() {
        String model = knownModel(unique("bad-upstream"));
        String provider = unique("acme");
        UpstreamSource bad = new UpstreamSource("openai/gpt-oss-20b", PATH, "main", null, List.of());

        HttpResponse<String> imported = api().post("/api/import", Bundles.toJson(new CatalogBundle("upstream",
                List.of(new ProviderEntry(provider, "Acme", null)), List.of(),
                List.of(route(model, provider, "0.05", "0.2", bad))))).as(TestTokens.EDITOR).send();

        JsonNode routes = BundleImportTest.report(imported, "routes");
        assertThat(counts(routes)).isEqualTo("1 received, 0 created, 0 changed, 0 unchanged, 1 rejected");
        assertThat(routes.get("rejected").get(0).get("field").asString()).isEqualTo("upstream.commit");
    }

    @Test
    void aRouteReadFromAPlainFolderNamesItsFileWithoutACommit() {
        String model = knownModel(unique("plain"));
        String provider = unique("acme");
        api().post("/api/import", Bundles.toJson(new CatalogBundle("plain folder", List.of(new ProviderEntry(provider,
                "Acme", null)), List.of(), List.of(route(model, provider, "0.05", "0.2",
                        new UpstreamSource("openai/gpt-oss-20b", PATH, null, null, List.of())))))).as(TestTokens.EDITOR).send();

        JsonNode upstream = json(api().get("/api/models/" + model + "/routes").send()).get("routes").get(0).get("upstream");

        assertThat(upstream.toString()).isEqualTo("{\"providerModelId\":\"openai/gpt-oss-20b\",\"path\":\"" + PATH + "\"}");
    }

    @Test
    void anEditorsPriceChangeClearsTheUpstreamSource() {
        String provider = unique("acme");
        String model = importRoutes(knownModel(unique("edited")), provider);

        HttpResponse<String> put = putRoute(model, provider, "{\"inputPricePerMTok\": 0.04, \"outputPricePerMTok\": 0.2}");

        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        JsonNode route = json(api().get("/api/models/" + model + "/routes").send()).get("routes").get(0);
        assertThat(route.has("upstream")).as(route.toString()).isFalse();
    }

    @Test
    void recordsEachDatedStepWithItsProvenanceOnceAndRepublishesThePriceListOnce(TestInfrastructure infrastructure) {
        String provider = unique("acme");
        String model = importRoutes(knownModel(unique("history")), provider);
        HistoryBundle history = new HistoryBundle("test history", List.of(
                step("2025-08-06T10:00:00Z", "applied", C1, route(model, provider, "0.1", "0.5", null)),
                step("2025-11-20T09:30:00Z", "applied", C2, route(model, provider, "0.075", "0.3", null)),
                step("2026-01-05T12:00:00Z", "withdrawn", C2, route(model, unique("gone"), "0.2", "0.6", null))));

        HttpResponse<String> imported = importHistory(history);

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(counts(json(imported))).isEqualTo("3 received, 3 created, 0 changed, 0 unchanged, 0 rejected");
        JsonNode entries = json(api().get("/api/models/" + model + "/routes/" + provider + "/history").send());
        assertThat(entries).hasSize(3);
        JsonNode first = entries.get(0);
        assertThat(first.get("at").asString()).isEqualTo("2025-08-06T10:00:00Z");
        assertThat(first.get("effectiveFrom").asString()).isEqualTo("2025-08-06T10:00:00Z");
        assertThat(first.get("kind").asString()).isEqualTo("applied");
        assertThat(first.get("route").get("inputPricePerMTok").decimalValue()).isEqualByComparingTo("0.1");
        assertThat(first.get("provenance").get("origin").asString()).isEqualTo("history-import");
        assertThat(first.get("provenance").get("commit").asString()).isEqualTo(C1);
        assertThat(first.get("provenance").get("path").asString()).isEqualTo(PATH);
        assertThat(first.get("provenance").has("url")).as("absent parts are left out").isFalse();
        assertThat(entries.get(1).get("changedFields").toString()).isEqualTo("[\"inputPricePerMTok\",\"outputPricePerMTok\"]");
        JsonNode priceList = json(api().get("/api/models/" + model + "/routes").send());
        assertThat(priceList.get("revision").asLong()).isEqualTo(2);
        assertThat(priceList.get("routes").get(0).get("inputPricePerMTok").decimalValue())
                .as("the route in force stays as the snapshot import set it").isEqualByComparingTo("0.05");

        HttpResponse<String> again = importHistory(history);

        assertThat(counts(json(again))).isEqualTo("3 received, 0 created, 0 changed, 3 unchanged, 0 rejected");
        assertThat(json(api().get("/api/models/" + model + "/routes").send()).get("revision").asLong()).isEqualTo(2);
        try (ModelEvents events = new ModelEvents(infrastructure, model)) {
            List<Envelope<PricingEvent>> all = events.awaitRevision(2);
            assertThat(all).extracting(Envelope::revision).containsExactly(1L, 2L);
            assertThat(((RouteChanged) all.get(1).payload()).changedFields()).containsExactly("history");
        }
    }

    @Test
    void rejectsBadStepsWithAMessageAndStepsOfModelsWithoutRoutes() {
        String provider = unique("acme");
        String model = importRoutes(knownModel(unique("strict")), provider);
        String unpriced = unique("unpriced");

        HttpResponse<String> imported = importHistory(new HistoryBundle("bad", List.of(
                step("2025-08-06T10:00:00Z", "applied", "HEAD", route(model, provider, "0.1", "0.5", null)),
                step("2099-01-01T00:00:00Z", "applied", C1, route(model, provider, "0.1", "0.5", null)),
                step("2025-08-06T10:00:00Z", "renamed", C1, route(model, provider, "0.1", "0.5", null)),
                step("2025-08-06T10:00:00Z", "applied", C1, route(unpriced, provider, "0.1", "0.5", null)))));

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        JsonNode report = json(imported);
        assertThat(counts(report)).isEqualTo("4 received, 0 created, 0 changed, 0 unchanged, 4 rejected");
        assertThat(report.get("rejected")).extracting(r -> r.get("rule").asString())
                .containsExactly("commit-id", "future", "one-of", "no-price-list");
        assertThat(report.get("rejected").get(0).get("message").asString()).contains("40 lowercase hex digits");
        assertThat(json(api().get("/api/models/" + model + "/routes/" + provider + "/history").send())).hasSize(1);
    }

    @Test
    void anUnreadableHistoryBundleIsAProblemNotAnError() {
        HttpResponse<String> response = api().post("/api/import/history", "{\"steps\": [{\"at\": \"yesterday\"}]}")
                .as(TestTokens.EDITOR).send();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Test
    void onlyEditorsImportHistory() {
        HttpResponse<String> response = api().post("/api/import/history", "{\"steps\": []}").send();

        assertThat(response.statusCode()).isEqualTo(401);
    }
}
