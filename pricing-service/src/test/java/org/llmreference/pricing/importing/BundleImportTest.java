package org.llmreference.pricing.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.catalog.ModelChanged;
import org.llmreference.contracts.pricing.RouteChanged;
import org.llmreference.importing.bundle.Bundles;
import org.llmreference.importing.bundle.CatalogBundle;
import org.llmreference.importing.bundle.ProviderEntry;
import org.llmreference.importing.bundle.RouteEntry;
import org.llmreference.pricing.PricingIntegrationTest;
import org.llmreference.testsupport.EventSender;
import org.llmreference.testsupport.Models;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.TestTokens;

import tools.jackson.databind.JsonNode;

class BundleImportTest extends PricingIntegrationTest {

    static RouteEntry route(String modelId, String providerId, String input, String output) {
        return new RouteEntry(modelId, providerId, input == null ? null : new BigDecimal(input),
                output == null ? null : new BigDecimal(output), null, null, null, null, List.of(), 131_072, null, null,
                "https://example.org/" + providerId, LocalDate.parse("2026-05-01"));
    }

    HttpResponse<String> importBundle(CatalogBundle bundle, int waitForModelsSeconds) {
        return api().post("/api/import?waitForModelsSeconds=" + waitForModelsSeconds, Bundles.toJson(bundle))
                .as(TestTokens.EDITOR).send();
    }

    static JsonNode report(HttpResponse<String> response, String target) {
        for (JsonNode report : json(response)) {
            if (report.get("target").asString().equals(target)) {
                return report;
            }
        }
        throw new AssertionError("no " + target + " report in " + response.body());
    }

    static String counts(JsonNode report) {
        return report.get("received").asInt() + " received, " + report.get("created").asInt() + " created, "
                + report.get("changed").asInt() + " changed, " + report.get("unchanged").asInt() + " unchanged, "
                + report.get("rejected").size() + " rejected";
    }

    @Test
    void importsProvidersAndRoutesAndAnIdenticalReimportChangesNothing(TestInfrastructure infrastructure) {
        String first = knownModel(unique("import-a"));
        String second = knownModel(unique("import-b"));
        String alpha = unique("alpha");
        String beta = unique("beta");
        CatalogBundle bundle = new CatalogBundle("test bundle",
                List.of(new ProviderEntry(alpha, "Alpha", "https://alpha.example"), new ProviderEntry(beta, "Beta", null)),
                List.of(), List.of(route(first, alpha, "0.03", "0.15"), route(first, beta, "0.04", "0.16"),
                        route(second, alpha, "0.0000001", null), route(second, beta, null, null)));

        HttpResponse<String> imported = importBundle(bundle, 0);

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(counts(report(imported, "providers"))).isEqualTo("2 received, 2 created, 0 changed, 0 unchanged, 0 rejected");
        assertThat(counts(report(imported, "routes"))).isEqualTo("4 received, 4 created, 0 changed, 0 unchanged, 0 rejected");
        JsonNode priceList = json(api().get("/api/models/" + second + "/routes").send());
        assertThat(priceList.get("revision").asLong()).isEqualTo(1);
        assertThat(priceList.get("routes").get(0).get("inputPricePerMTok").decimalValue()).isEqualTo(new BigDecimal("0.0000001"));

        HttpResponse<String> again = importBundle(bundle, 0);

        assertThat(counts(report(again, "providers"))).isEqualTo("2 received, 0 created, 0 changed, 2 unchanged, 0 rejected");
        assertThat(counts(report(again, "routes"))).isEqualTo("4 received, 0 created, 0 changed, 4 unchanged, 0 rejected");
        assertThat(etag(api().get("/api/models/" + first + "/routes").send())).isEqualTo("\"1\"");
        JsonNode history = json(api().get("/api/models/" + first + "/routes/" + beta + "/history").send());
        assertThat(history).singleElement().satisfies(entry -> {
            assertThat(entry.get("revision").asLong()).isEqualTo(1);
            assertThat(entry.get("changedFields").get(0).asString()).isEqualTo("route");
        });
        putRoute(first, alpha, "{\"inputPricePerMTok\": 0.05}");
        try (ModelEvents events = new ModelEvents(infrastructure, first)) {
            List<Envelope<org.llmreference.contracts.pricing.PricingEvent>> all = events.awaitRevision(2);
            assertThat(all).extracting(Envelope::revision).containsExactly(1L, 2L);
            RouteChanged importedList = (RouteChanged) all.get(0).payload();
            assertThat(importedList.routes()).extracting(r -> r.providerId()).containsExactly(alpha, beta);
            assertThat(importedList.providerId()).isEqualTo(alpha);
            assertThat(importedList.changedFields()).containsExactly("route");
        }
    }

    @Test
    void anImportedRenameMovesEachPriceListOfTheProvidersByOneRevision(TestInfrastructure infrastructure) {
        String first = knownModel(unique("renamed-a"));
        String second = knownModel(unique("renamed-b"));
        String alpha = unique("alpha");
        String beta = unique("beta");
        List<RouteEntry> routes = List.of(route(first, alpha, "0.1", "0.2"), route(first, beta, "0.1", "0.2"),
                route(second, alpha, "0.3", "0.4"));
        importBundle(new CatalogBundle("names", List.of(new ProviderEntry(alpha, "Alpha", null),
                new ProviderEntry(beta, "Beta", null)), List.of(), routes), 0);

        HttpResponse<String> renamed = importBundle(new CatalogBundle("names", List.of(
                new ProviderEntry(alpha, "Alpha Cloud", null), new ProviderEntry(beta, "Beta Labs", null)), List.of(),
                routes), 0);

        assertThat(counts(report(renamed, "providers"))).isEqualTo("2 received, 0 created, 2 changed, 0 unchanged, 0 rejected");
        assertThat(counts(report(renamed, "routes"))).isEqualTo("3 received, 0 created, 0 changed, 3 unchanged, 0 rejected");
        try (ModelEvents events = new ModelEvents(infrastructure, first)) {
            List<Envelope<org.llmreference.contracts.pricing.PricingEvent>> all = events.awaitRevision(2);
            assertThat(all).extracting(Envelope::revision).containsExactly(1L, 2L);
            RouteChanged rename = (RouteChanged) all.get(1).payload();
            assertThat(rename.routes()).extracting(r -> r.providerName()).containsExactly("Alpha Cloud", "Beta Labs");
            assertThat(rename.changedFields()).containsExactly("providerName");
        }
        assertThat(json(api().get("/api/models/" + first + "/routes/" + beta + "/history").send()))
                .extracting(entry -> entry.get("revision").asLong()).containsExactly(1L, 2L);
        JsonNode secondList = json(api().get("/api/models/" + second + "/routes").send());
        assertThat(secondList.get("revision").asLong()).isEqualTo(2);
        assertThat(secondList.get("routes").get(0).get("providerName").asString()).isEqualTo("Alpha Cloud");
    }

    @Test
    void waitsForAModelTheCatalogPublishesDuringTheImportAndRejectsOneItNeverPublishes(TestInfrastructure infrastructure)
            throws Exception {
        String arriving = unique("arriving");
        String never = unique("never");
        String provider = provider(unique("waiting"), "Waiting");
        CatalogBundle bundle = new CatalogBundle("waiting bundle", List.of(), List.of(),
                List.of(route(arriving, provider, "0.1", "0.2"), route(never, provider, "0.1", "0.2")));
        Instant started = Instant.now();

        CompletableFuture<HttpResponse<String>> importing = CompletableFuture.supplyAsync(() -> importBundle(bundle, 4));
        try (EventSender sender = new EventSender(infrastructure.kafkaBootstrapServers())) {
            sender.send(Envelope.startingChain(new ModelChanged(Models.aModel(arriving), List.of()), arriving, 1,
                    Instant.now()));
        }
        HttpResponse<String> imported = importing.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);

        assertThat(Duration.between(started, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(4));
        JsonNode routes = report(imported, "routes");
        assertThat(counts(routes)).isEqualTo("2 received, 1 created, 0 changed, 0 unchanged, 1 rejected");
        JsonNode rejected = routes.get("rejected").get(0);
        assertThat(rejected.get("id").asString()).isEqualTo(never + "/" + provider);
        assertThat(rejected.get("field").asString()).isEqualTo("modelId");
        assertThat(rejected.get("rule").asString()).isEqualTo("unknown-model");
        assertThat(json(api().get("/api/models/" + arriving + "/routes").send()).get("routes").size()).isEqualTo(1);
    }

    @Test
    void rejectsBadEntriesOneByOneAndImportsTheRest() {
        String model = knownModel(unique("mixed"));
        String provider = provider(unique("mixed"), "Mixed");
        CatalogBundle bundle = new CatalogBundle("mixed", List.of(new ProviderEntry("Bad Id", "Bad", null)), List.of(),
                List.of(route(model, provider, "-1", "0.2"), route(model, "nobody-" + provider, "0.1", "0.2"),
                        route(model, provider, "0.1", "0.2"), route(model, provider, "0.3", "0.4")));

        HttpResponse<String> imported = importBundle(bundle, 0);

        assertThat(counts(report(imported, "providers"))).isEqualTo("1 received, 0 created, 0 changed, 0 unchanged, 1 rejected");
        JsonNode routes = report(imported, "routes");
        assertThat(counts(routes)).isEqualTo("4 received, 1 created, 0 changed, 0 unchanged, 3 rejected");
        assertThat(routes.get("rejected")).extracting(r -> r.get("field").asString() + ":" + r.get("rule").asString())
                .containsExactly("inputPricePerMTok:min", "providerId:unknown-provider", "providerId:duplicate");
        assertThat(api().post("/api/import?waitForModelsSeconds=301", "{}").as(TestTokens.EDITOR).send().statusCode())
                .isEqualTo(400);
    }
}
