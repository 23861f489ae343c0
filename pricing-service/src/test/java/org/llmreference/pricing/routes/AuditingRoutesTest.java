package org.llmreference.pricing.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.identity.AccountChanged;
import org.llmreference.platform.security.TokenHash;
import org.llmreference.pricing.PricingIntegrationTest;
import org.llmreference.testsupport.EventSender;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.TestTokens;

import tools.jackson.databind.JsonNode;

/**
 * pricing-service's audit trail: every accepted route change has its entry (who, old and new per
 * term, why, causedBy) written with the change; a scheduled change applied later is its
 * scheduler's; the route's history names its author; the trail is for ops, editors and admins.
 */
class AuditingRoutesTest extends PricingIntegrationTest {

    static final String ROUTE = """
            {"inputPricePerMTok": 0.10, "outputPricePerMTok": 0.40, "sourceUrl": "https://example.org/prices"}""";
    static final String CHEAPER = """
            {"inputPricePerMTok": 0.08, "outputPricePerMTok": 0.40, "sourceUrl": "https://example.org/prices"}""";

    @Test
    void recordsPutAndWithdrawWithOldAndNewTermsReasonAndCausedBy() {
        String model = knownModel(unique("audited"));
        String provider = provider(unique("p"), "P");
        HttpResponse<String> created = api().put(routePath(model, provider), ROUTE).as(TestTokens.EDITOR)
                .header("X-Llmref-Reason", "New%20provider").send();
        HttpResponse<String> changed = api().put(routePath(model, provider), CHEAPER).as(TestTokens.EDITOR)
                .header("X-Llmref-Reason", "Price%20cut%20%E2%80%93%20see%20blog").send();
        HttpResponse<String> withdrawn = api().delete(routePath(model, provider)).as(TestTokens.EDITOR).send();
        assertThat(List.of(created.statusCode(), changed.statusCode(), withdrawn.statusCode())).containsExactly(201, 200, 200);

        List<JsonNode> entries = entries("/api/audit?model=" + model, TestTokens.OPS);

        assertThat(entries).extracting(e -> e.path("action").asString())
                .containsExactly("route-withdraw", "route-put", "route-put");
        JsonNode put = entries.get(1);
        assertThat(put.path("service").asString()).isEqualTo("pricing-service");
        assertThat(put.path("author").asString()).isEqualTo("automation");
        assertThat(put.path("providerId").asString()).isEqualTo(provider);
        assertThat(put.path("reason").asString()).isEqualTo("Price cut – see blog");
        assertThat(put.path("causedBy").asString()).isEqualTo(changed.headers().firstValue("X-Caused-By").orElseThrow());
        assertThat(put.path("changes")).hasSize(1);
        assertThat(put.path("changes").get(0).path("field").asString()).isEqualTo("inputPricePerMTok");
        assertThat(put.path("changes").get(0).path("old").decimalValue()).isEqualByComparingTo("0.10");
        assertThat(put.path("changes").get(0).path("new").decimalValue()).isEqualByComparingTo("0.08");
        assertThat(entries.get(2).path("reason").asString()).isEqualTo("New provider");
        JsonNode withdraw = entries.get(0);
        assertThat(withdraw.path("causedBy").asString()).isEqualTo(withdrawn.headers().firstValue("X-Caused-By").orElseThrow());
        assertThat(withdraw.path("changes").valueStream().filter(c -> c.path("field").asString().equals("inputPricePerMTok"))
                .findFirst().orElseThrow().path("new").isNull()).isTrue();

        JsonNode history = json(api().get(routePath(model, provider) + "/history").as(TestTokens.OPS).send());
        assertThat(history).extracting(h -> h.path("author").asString()).containsOnly("automation");
        assertThat(history.get(1).path("reason").asString()).isEqualTo("Price cut – see blog");
    }

    @Test
    void aVisitorReadsTheHistoryAndScheduledChangesWithoutWhoOrWhy() {
        String model = knownModel(unique("private"));
        String provider = provider(unique("p"), "P");
        api().put(routePath(model, provider), ROUTE).as(TestTokens.EDITOR).header("X-Llmref-Reason", "Internal%20note")
                .send();
        api().put(routePath(model, provider), ROUTE.replace("}", ", \"effectiveFrom\": \"" + Instant.now().plusSeconds(3600)
                + "\"}")).as(TestTokens.EDITOR).header("X-Llmref-Reason", "Embargoed").send();

        JsonNode history = json(api().get(routePath(model, provider) + "/history").send());
        JsonNode scheduled = json(api().get(routePath(model, provider) + "/scheduled").send());
        JsonNode priceList = json(api().get("/api/models/" + model + "/routes").send());

        assertThat(history.size()).isGreaterThanOrEqualTo(1);
        assertThat(history.valueStream().toList()).allSatisfy(entry -> {
            assertThat(entry.path("author").isMissingNode() || entry.path("author").isNull()).isTrue();
            assertThat(entry.path("reason").isMissingNode() || entry.path("reason").isNull()).isTrue();
        });
        assertThat(scheduled.size()).isEqualTo(1);
        assertThat(scheduled.get(0).has("requestedBy")).isFalse();
        assertThat(scheduled.get(0).has("reason")).isFalse();
        assertThat(priceList.toString()).doesNotContain("Embargoed").doesNotContain("Internal note");
        JsonNode asOps = json(api().get(routePath(model, provider) + "/scheduled").as(TestTokens.OPS).send());
        assertThat(asOps.get(0).path("reason").asString()).isEqualTo("Embargoed");
        assertThat(asOps.get(0).path("requestedBy").asString()).isEqualTo("automation");
    }

    @Test
    void aScheduledChangeAppliedLaterIsItsSchedulersAndACancelIsRecorded(TestInfrastructure infrastructure) {
        String model = knownModel(unique("scheduled"));
        String provider = provider(unique("p"), "P");
        String editor = unique("sched");
        String token = TokenHash.newToken();
        try (EventSender sender = new EventSender(infrastructure.kafkaBootstrapServers())) {
            sender.send(account(editor, "editor", token));
            awaitTrue(() -> api().get("/api/audit").as(token).send().statusCode() == 200);
        }
        api().put(routePath(model, provider), ROUTE).as(token).send();
        String soon = Instant.now().plusSeconds(2).toString();
        HttpResponse<String> scheduled = api().put(routePath(model, provider),
                CHEAPER.replace("}", ", \"effectiveFrom\": \"" + soon + "\"}")).as(token)
                .header("X-Llmref-Reason", "Announced%20cut").send();
        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(202);
        HttpResponse<String> cancelled = api().put(routePath(model, provider),
                ROUTE.replace("}", ", \"effectiveFrom\": \"" + Instant.now().plusSeconds(3600) + "\"}")).as(token).send();
        String cancelledId = json(cancelled).path("scheduledChangeId").asString();
        assertThat(api().delete(routePath(model, provider) + "/scheduled/" + cancelledId).as(TestTokens.EDITOR)
                .header("X-Llmref-Reason", "Not%20yet").send().statusCode()).isEqualTo(204);

        await().atMost(WAIT).until(() -> entries("/api/audit?model=" + model, TestTokens.OPS).stream()
                .anyMatch(e -> e.path("action").asString().equals("scheduled-apply")));

        List<JsonNode> entries = entries("/api/audit?model=" + model, TestTokens.OPS);
        assertThat(entries).extracting(e -> e.path("action").asString()).containsExactly("scheduled-apply",
                "scheduled-cancel", "scheduled-create", "scheduled-create", "route-put");
        JsonNode applied = entries.get(0);
        assertThat(applied.path("author").asString()).isEqualTo(editor);
        assertThat(applied.path("reason").asString()).isEqualTo("Announced cut");
        assertThat(applied.path("causedBy").asString()).isNotEmpty();
        assertThat(applied.path("changes").get(0).path("new").decimalValue()).isEqualByComparingTo("0.08");
        assertThat(entries.get(1).path("author").asString()).isEqualTo("automation");
        assertThat(entries.get(1).path("reason").asString()).isEqualTo("Not yet");
        assertThat(entries.get(3).path("author").asString()).isEqualTo(editor);
        assertThat(entries("/api/audit?editor=" + editor + "&provider=" + provider, TestTokens.OPS)).hasSize(4);
        JsonNode history = json(api().get(routePath(model, provider) + "/history").as(TestTokens.EDITOR).send());
        assertThat(history.get(history.size() - 1).path("kind").asString()).isEqualTo("applied");
        assertThat(history.get(history.size() - 1).path("author").asString()).isEqualTo(editor);
    }

    @Test
    void aSyncChangeSaysWhereItCameFrom() {
        String model = knownModel(unique("synced"));
        String provider = provider(unique("p"), "P");

        HttpResponse<String> synced = api().put(routePath(model, provider), ROUTE).as(TestTokens.EDITOR)
                .header("X-Llmref-Origin", "sync").header("X-Llmref-Upstream-Commit", "0123456789abcdef0123456789abcdef01234567")
                .header("X-Llmref-Upstream-Path", "providers/p/models/m.toml").send();

        assertThat(synced.statusCode()).as(synced.body()).isEqualTo(201);
        JsonNode entry = entries("/api/audit?model=" + model, TestTokens.EDITOR).get(0);
        assertThat(entry.path("action").asString()).isEqualTo("sync-put");
        assertThat(entry.path("reason").asString()).contains("upstream sync").contains("providers/p/models/m.toml")
                .contains("0123456789abcdef");
    }

    @Test
    void aBadReasonRefusesTheChangeAndBadFiltersAreNamed() {
        String model = knownModel(unique("refused"));
        String provider = provider(unique("p"), "P");

        HttpResponse<String> refused = api().put(routePath(model, provider), ROUTE).as(TestTokens.EDITOR)
                .header("X-Llmref-Reason", "%E2%80").send();

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).path("errors").get(0).path("field").asString()).isEqualTo("X-Llmref-Reason");
        assertThat(api().get(routePath(model, provider)).send().statusCode()).isEqualTo(404);
        HttpResponse<String> badDate = api().get("/api/audit?to=tomorrow").as(TestTokens.OPS).send();
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(json(badDate).path("errors").get(0).path("field").asString()).isEqualTo("to");
    }

    @Test
    void aProvidersCreationAndRenameAreRecordedAndTheRenamedRoutesToo() {
        String model = knownModel(unique("renamed"));
        String provider = provider(unique("p"), "Old Name");
        api().put(routePath(model, provider), ROUTE).as(TestTokens.EDITOR).send();

        HttpResponse<String> renamed = api().put("/api/providers/" + provider, "{\"name\": \"New Name\"}")
                .as(TestTokens.EDITOR).header("X-Llmref-Reason", "Rebranded").send();
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);

        await().atMost(WAIT).until(() -> entries("/api/audit?provider=" + provider, TestTokens.OPS).size() == 4);
        List<JsonNode> entries = entries("/api/audit?provider=" + provider, TestTokens.OPS);
        assertThat(entries).extracting(e -> e.path("action").asString()).containsExactlyInAnyOrder("provider-rename",
                "provider-update", "route-put", "provider-create");
        JsonNode update = entries.stream().filter(e -> e.path("action").asString().equals("provider-update")).findFirst()
                .orElseThrow();
        assertThat(update.path("reason").asString()).isEqualTo("Rebranded");
        assertThat(update.path("changes").get(0).path("old").asString()).isEqualTo("Old Name");
        assertThat(update.path("changes").get(0).path("new").asString()).isEqualTo("New Name");
        JsonNode rename = entries.stream().filter(e -> e.path("action").asString().equals("provider-rename")).findFirst()
                .orElseThrow();
        assertThat(rename.path("modelId").asString()).isEqualTo(model);
        assertThat(rename.path("changes").get(0).path("new").asString()).isEqualTo("New Name");
    }

    @Test
    void visitorsCannotReadTheTrail() {
        assertThat(api().get("/api/audit").send().statusCode()).isEqualTo(401);
        assertThat(api().get("/api/audit").as(TestTokens.UNKNOWN).send().statusCode()).isEqualTo(401);
        assertThat(api().get("/api/audit").as(TestTokens.OPS).send().statusCode()).isEqualTo(200);
    }

    private List<JsonNode> entries(String path, String token) {
        HttpResponse<String> response = api().get(path).as(token).send();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).path("entries").valueStream().toList();
    }

    private static Envelope<AccountChanged> account(String id, String role, String token) {
        return Envelope.startingChain(new AccountChanged(id, id, List.of(role), false,
                List.of(new AccountChanged.LiveToken(TokenHash.of(token), null))), id, 1, Instant.now());
    }

}
