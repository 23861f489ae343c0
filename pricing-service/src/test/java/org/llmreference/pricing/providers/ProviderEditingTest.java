package org.llmreference.pricing.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.pricing.PricingEvent;
import org.llmreference.contracts.pricing.RouteChanged;
import org.llmreference.pricing.PricingIntegrationTest;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.TestTokens;

import tools.jackson.databind.JsonNode;

class ProviderEditingTest extends PricingIntegrationTest {

    @Test
    void createsListsAndReadsProviders() {
        String id = unique("deepinfra");

        HttpResponse<String> created = api().put("/api/providers/" + id,
                "{\"name\": \"DeepInfra\", \"url\": \"https://deepinfra.com\"}").as(TestTokens.EDITOR).send();
        HttpResponse<String> again = api().put("/api/providers/" + id,
                "{\"name\": \"DeepInfra\", \"url\": \"https://deepinfra.com\"}").as(TestTokens.EDITOR).send();

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(etag(created)).isEqualTo("\"1\"");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(etag(again)).isEqualTo("\"1\"");
        JsonNode one = json(api().get("/api/providers/" + id).send());
        assertThat(one.get("name").asString()).isEqualTo("DeepInfra");
        assertThat(one.get("url").asString()).isEqualTo("https://deepinfra.com");
        JsonNode all = json(api().get("/api/providers").send());
        assertThat(all).extracting(p -> p.get("id").asString()).contains(id).isSorted();
        assertThat(api().get("/api/providers/no-such-provider").send().statusCode()).isEqualTo(404);
    }

    @Test
    void refusesAnInvalidProviderWithEveryViolation() {
        HttpResponse<String> bad = api().put("/api/providers/Bad_Id", "{\"name\": \"" + "n".repeat(101)
                + "\", \"url\": \"javascript:alert(1)\"}").as(TestTokens.EDITOR).send();

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("errors")).extracting(e -> e.get("field").asString() + ":" + e.get("rule").asString())
                .containsExactly("id:slug", "name:max-length", "url:http-url");
        assertThat(api().put("/api/providers/no-name", "{}").as(TestTokens.EDITOR).send().body())
                .contains("\"rule\":\"required\"");
    }

    @Test
    void aRenameReachesEveryRouteOfTheProvider(TestInfrastructure infrastructure) {
        String model = knownModel(unique("renamed"));
        String other = knownModel(unique("untouched"));
        String provider = provider(unique("fireworks"), "Fireworks");
        String otherProvider = provider(unique("other"), "Other");
        putRoute(model, provider, "{\"inputPricePerMTok\": 0.2}");
        putRoute(other, otherProvider, "{\"inputPricePerMTok\": 0.2}");

        HttpResponse<String> renamed = api().put("/api/providers/" + provider, "{\"name\": \"Fireworks AI\"}")
                .as(TestTokens.EDITOR).send();

        assertThat(renamed.statusCode()).isEqualTo(200);
        assertThat(etag(renamed)).isEqualTo("\"2\"");
        try (ModelEvents events = new ModelEvents(infrastructure, model)) {
            Envelope<PricingEvent> event = events.revision(2);
            RouteChanged changed = (RouteChanged) event.payload();
            assertThat(changed.changedFields()).containsExactly("providerName");
            assertThat(changed.routes().get(0).providerName()).isEqualTo("Fireworks AI");
        }
        assertThat(json(api().get("/api/models/" + model + "/routes").send()).get("routes").get(0).get("providerName")
                .asString()).isEqualTo("Fireworks AI");
        assertThat(etag(api().get("/api/models/" + other + "/routes").send())).isEqualTo("\"1\"");
        assertThat(api().put("/api/providers/" + provider, "{\"name\": \"Stale\"}").as(TestTokens.EDITOR)
                .header("If-Match", "\"1\"").send().statusCode()).isEqualTo(412);
    }
}
