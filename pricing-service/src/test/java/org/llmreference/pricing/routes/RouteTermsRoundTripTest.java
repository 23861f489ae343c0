package org.llmreference.pricing.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmreference.contracts.EventCodec;
import org.llmreference.contracts.pricing.ContextTier;
import org.llmreference.contracts.pricing.RouteChanged;
import org.llmreference.contracts.pricing.RouteStatus;
import org.llmreference.contracts.pricing.RouteTerms;
import org.llmreference.importing.bundle.Bundles;
import org.llmreference.importing.bundle.CatalogBundle;
import org.llmreference.pricing.PricingIntegrationTest;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.TestTokens;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every component of {@link RouteTerms} survives each hop a route takes: the editor's JSON, the
 * domain and its storage (read back through the API's views), the event on {@code pricing.routes.v1}
 * as its readers decode it (comparison-service, which computes the pages), and an import bundle.
 * A term added to the record but dropped anywhere on the way fails here, by name.
 */
class RouteTermsRoundTripTest extends PricingIntegrationTest {

    /** Every term given, none at its default: a dropped one cannot pass for a kept one. */
    static final RouteTerms SAMPLE = new RouteTerms(new BigDecimal("0.11"), new BigDecimal("0.22"),
            new BigDecimal("0.033"), new BigDecimal("0.044"), new BigDecimal("0.055"), new BigDecimal("0.066"),
            List.of(new ContextTier(64_000, new BigDecimal("0.2"), new BigDecimal("0.4"))), 128_000, "eu-west",
            RouteStatus.DEPRECATED, "https://example.org/prices", LocalDate.parse("2026-05-01"));

    @Test
    void theSampleGivesEveryTermAValueOtherThanItsDefault() {
        for (RecordComponent term : RouteTerms.class.getRecordComponents()) {
            Object value = value(term, SAMPLE);
            assertThat(value).as("give the sample a value for %s", term.getName()).isNotNull();
            if (value instanceof Collection<?> values) {
                assertThat(values).as("give the sample a value for %s", term.getName()).isNotEmpty();
            }
        }
        assertThat(SAMPLE.status()).isNotEqualTo(new RouteTerms(null, null, null, null, null, null, null, null, null,
                null, null, null).status());
    }

    @Test
    void everyTermSurvivesTheApiTheEventAndAnImport(TestInfrastructure infrastructure) {
        String model = knownModel(unique("terms"));
        String provider = provider(unique("terms"), "Terms");
        String routeJson = EventCodec.mapper().writeValueAsString(SAMPLE);

        HttpResponse<String> put = putRoute(model, provider, routeJson);

        assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
        assertSameTerms("PUT answer", terms(json(put)));
        assertSameTerms("GET route", terms(json(api().get(routePath(model, provider)).send())));
        assertSameTerms("GET price list", terms(json(api().get("/api/models/" + model + "/routes").send()).get("routes").get(0)));
        assertSameTerms("history", terms(json(api().get(routePath(model, provider) + "/history").send()).get(0).get("route")));
        try (ModelEvents events = new ModelEvents(infrastructure, model)) {
            assertSameTerms("event", ((RouteChanged) events.revision(1).payload()).routes().get(0).terms());
        }

        String importedModel = knownModel(unique("terms-imported"));
        ObjectNode entry = EventCodec.mapper().valueToTree(SAMPLE);
        entry.put("modelId", importedModel).put("providerId", provider);
        String bundleJson = "{\"source\": \"terms\", \"routes\": [" + entry + "]}";
        CatalogBundle bundle = Bundles.mapper().readValue(bundleJson, CatalogBundle.class);
        assertSameTerms("bundle entry", bundle.routes().get(0).terms());
        assertSameTerms("bundle price list", bundle.priceLists().get(importedModel).get(0).terms());

        HttpResponse<String> imported = api().post("/api/import?waitForModelsSeconds=0", bundleJson)
                .as(TestTokens.EDITOR).send();

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        try (ModelEvents events = new ModelEvents(infrastructure, importedModel)) {
            assertSameTerms("imported event", ((RouteChanged) events.revision(1).payload()).routes().get(0).terms());
        }
    }

    /** The terms in a JSON object that may hold other fields too (ids, revision). */
    private static RouteTerms terms(JsonNode json) {
        return EventCodec.mapper().treeToValue(json, RouteTerms.class);
    }

    private static void assertSameTerms(String hop, RouteTerms terms) {
        for (RecordComponent term : RouteTerms.class.getRecordComponents()) {
            assertThat(value(term, terms)).as("%s after the %s", term.getName(), hop).isEqualTo(value(term, SAMPLE));
        }
    }

    private static Object value(RecordComponent term, RouteTerms terms) {
        try {
            return term.getAccessor().invoke(terms);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot read " + term.getName(), e);
        }
    }
}
