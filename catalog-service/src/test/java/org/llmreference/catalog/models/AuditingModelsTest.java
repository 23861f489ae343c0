package org.llmreference.catalog.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmreference.catalog.models.ModelJson.aModel;
import static org.llmreference.catalog.models.ModelJson.parse;
import static org.llmreference.catalog.models.ModelJson.write;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.llmreference.testsupport.Api;
import org.llmreference.testsupport.TestTokens;
import org.llmreference.testsupport.WithInfrastructure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The audit trail of models: every accepted write has its entry (who, when, old and new per field,
 * why, causedBy), read through {@code GET /api/audit} and a model's {@code /history}; a bad reason
 * header refuses the write; the trail is for ops, editors and admins only.
 */
@WithInfrastructure
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "llmref.catalog.accounts.admin-password=" + AuditingModelsTest.ADMIN_PASSWORD,
        "llmref.catalog.accounts.max-failures=1000" })
class AuditingModelsTest {

    /** The first admin's, as the accounts tests set it: the test infrastructure's database is shared. */
    static final String ADMIN_PASSWORD = "first-admin-password-for-tests";
    private static final AtomicInteger NEXT = new AtomicInteger();

    @Value("${local.server.port}")
    int port;

    @Test
    void recordsCreatePatchAndRetireWithAuthorChangesReasonAndCausedBy() {
        String id = newId();
        HttpResponse<String> created = api().put("/api/models/" + id, write(aModel(id))).as(TestTokens.EDITOR)
                .header("X-Llmref-Reason", "Launch%20day%20%E2%80%93%20from%20the%20vendor%27s%20blog").send();
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String editor = editorAccount();
        String token = sessionOf(editor);
        HttpResponse<String> patched = api().patch("/api/models/" + id, "{\"vendor\": \"Acme\"}").as(token)
                .header("X-Llmref-Reason", "Vendor%20renamed").send();
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        HttpResponse<String> retired = api().delete("/api/models/" + id).as(token).send();
        assertThat(retired.statusCode()).as(retired.body()).isEqualTo(200);

        List<JsonNode> entries = entries("/api/audit?model=" + id, TestTokens.OPS);

        assertThat(entries).extracting(entry -> entry.path("action").asString())
                .containsExactly("model-retire", "model-patch", "model-create");
        JsonNode retire = entries.get(0);
        JsonNode patch = entries.get(1);
        JsonNode create = entries.get(2);
        assertThat(create.path("author").asString()).isEqualTo("automation");
        assertThat(create.path("service").asString()).isEqualTo("catalog-service");
        assertThat(create.path("reason").asString()).isEqualTo("Launch day – from the vendor's blog");
        assertThat(create.path("causedBy").asString()).isEqualTo(created.headers().firstValue("X-Caused-By").orElseThrow());
        assertThat(change(create, "vendor").path("old").isNull()).isTrue();
        assertThat(change(create, "vendor").path("new").asString()).isEqualTo(aModel(id).path("vendor").asString());
        assertThat(patch.path("author").asString()).isEqualTo(editor);
        assertThat(patch.path("reason").asString()).isEqualTo("Vendor renamed");
        assertThat(patch.path("changes")).hasSize(1);
        assertThat(change(patch, "vendor").path("old").asString()).isEqualTo(aModel(id).path("vendor").asString());
        assertThat(change(patch, "vendor").path("new").asString()).isEqualTo("Acme");
        assertThat(patch.path("causedBy").asString()).isEqualTo(patched.headers().firstValue("X-Caused-By").orElseThrow());
        assertThat(retire.path("author").asString()).isEqualTo(editor);
        assertThat(change(retire, "status").path("old").asString()).isEqualTo("active");
        assertThat(change(retire, "status").path("new").asString()).isEqualTo("retired");
        assertThat(retire.path("reason").isNull()).isTrue();
        assertThat(Instant.parse(retire.path("at").asString())).isAfterOrEqualTo(Instant.parse(create.path("at").asString()));
    }

    @Test
    void aModelsHistoryListsItsChangesOldestFirstForAnyoneAnd404ForAnUnknownModel() {
        String id = newId();
        api().put("/api/models/" + id, write(aModel(id))).as(TestTokens.EDITOR).send();
        api().patch("/api/models/" + id, "{\"contextWindow\": 262144}").as(TestTokens.EDITOR)
                .header("X-Llmref-Reason", "Longer%20context").send();

        HttpResponse<String> history = api().get("/api/models/" + id + "/history").as(TestTokens.OPS).send();
        HttpResponse<String> visitors = api().get("/api/models/" + id + "/history").send();
        HttpResponse<String> unknown = api().get("/api/models/no-such-model-" + id + "/history").send();

        assertThat(history.statusCode()).isEqualTo(200);
        List<JsonNode> changes = parse(history.body()).valueStream().toList();
        assertThat(changes).extracting(entry -> entry.path("action").asString()).containsExactly("model-create", "model-patch");
        assertThat(changes.get(1).path("author").asString()).isEqualTo("automation");
        assertThat(changes.get(1).path("reason").asString()).isEqualTo("Longer context");
        assertThat(change(changes.get(1), "contextWindow").path("new").asLong()).isEqualTo(262_144);
        assertThat(changes.get(1).path("at").asString()).isNotEmpty();
        List<JsonNode> seenByVisitors = parse(visitors.body()).valueStream().toList();
        assertThat(seenByVisitors).extracting(entry -> entry.path("action").asString())
                .containsExactly("model-create", "model-patch");
        assertThat(seenByVisitors).allSatisfy(entry -> {
            assertThat(entry.path("author").isNull()).isTrue();
            assertThat(entry.path("reason").isNull()).isTrue();
        });
        assertThat(visitors.body()).doesNotContain("Longer context").doesNotContain("automation");
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void aWriteThatChangesNothingHasNoEntry() {
        String id = newId();
        api().put("/api/models/" + id, write(aModel(id))).as(TestTokens.EDITOR).send();

        HttpResponse<String> again = api().put("/api/models/" + id, write(aModel(id))).as(TestTokens.EDITOR).send();

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(entries("/api/audit?model=" + id, TestTokens.EDITOR)).hasSize(1);
    }

    @Test
    void aBadReasonHeaderIsA400NamingItAndTheChangeIsNotMade() {
        String id = newId();
        for (String reason : List.of("50%ZZoff", "%FF%FE", "line%0Abreak", "a".repeat(501))) {
            HttpResponse<String> refused = api().put("/api/models/" + id, write(aModel(id))).as(TestTokens.EDITOR)
                    .header("X-Llmref-Reason", reason).send();

            assertThat(refused.statusCode()).as(reason).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            assertThat(parse(refused.body()).path("errors").get(0).path("field").asString()).isEqualTo("X-Llmref-Reason");
        }
        assertThat(api().get("/api/models/" + id).send().statusCode()).isEqualTo(404);

        HttpResponse<String> longest = api().put("/api/models/" + id, write(aModel(id))).as(TestTokens.EDITOR)
                .header("X-Llmref-Reason", "%C3%A9".repeat(500)).send();
        assertThat(longest.statusCode()).as(longest.body()).isEqualTo(201);
        assertThat(entries("/api/audit?model=" + id, TestTokens.EDITOR).get(0).path("reason").asString())
                .isEqualTo("é".repeat(500));
    }

    @Test
    void filtersByEditorAndDateAndLimitsTheAnswer() {
        String id = newId();
        String editor = editorAccount();
        String token = sessionOf(editor);
        api().put("/api/models/" + id, write(aModel(id))).as(token).send();
        api().patch("/api/models/" + id, "{\"family\": \"audit-family\"}").as(token).send();
        api().patch("/api/models/" + id, "{\"family\": \"audit-family-2\"}").as(TestTokens.EDITOR).send();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();

        assertThat(entries("/api/audit?editor=" + editor, TestTokens.OPS)).extracting(e -> e.path("action").asString())
                .containsExactly("model-patch", "model-create");
        assertThat(entries("/api/audit?editor=" + editor + "&limit=1", TestTokens.OPS)).hasSize(1);
        assertThat(entries("/api/audit?model=" + id + "&from=" + today + "&to=" + today, TestTokens.OPS)).hasSize(3);
        assertThat(entries("/api/audit?model=" + id + "&from=" + tomorrow, TestTokens.OPS)).isEmpty();
    }

    @Test
    void badFiltersAre400ProblemsNamingTheParameter() {
        assertThat(refusedField("/api/audit?from=yesterday")).isEqualTo("from");
        assertThat(refusedField("/api/audit?to=2026-13-01")).isEqualTo("to");
        assertThat(refusedField("/api/audit?limit=0")).isEqualTo("limit");
        assertThat(refusedField("/api/audit?limit=1001")).isEqualTo("limit");
        assertThat(refusedField("/api/audit?limit=many")).isEqualTo("limit");
        assertThat(refusedField("/api/audit?from=2026-03-02&to=2026-03-01")).isEqualTo("to");
    }

    @Test
    void opsEditorsAndAdminsReadTheTrailAndVisitorsDoNot() {
        assertThat(api().get("/api/audit").as(TestTokens.OPS).send().statusCode()).isEqualTo(200);
        assertThat(api().get("/api/audit").as(TestTokens.EDITOR).send().statusCode()).isEqualTo(200);
        assertThat(api().get("/api/audit").as(adminSession()).send().statusCode()).isEqualTo(200);
        assertThat(api().get("/api/audit").send().statusCode()).isEqualTo(401);
        assertThat(api().get("/api/audit").as(TestTokens.UNKNOWN).send().statusCode()).isEqualTo(401);
    }

    @Test
    void aBundleImportIsOneEntryWithItsCounts() {
        String first = newId();
        String second = newId();
        ObjectNode bundle = (ObjectNode) parse("{\"source\": \"audit-test\"}");
        bundle.putArray("models").add(aModel(first)).add(aModel(second)).add(parse("{\"id\": 7}"));
        String editor = editorAccount();

        HttpResponse<String> imported = api().post("/api/import", write(bundle)).as(sessionOf(editor)).send();

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        JsonNode entry = entries("/api/audit?editor=" + editor, TestTokens.OPS).get(0);
        assertThat(entry.path("action").asString()).isEqualTo("bundle-import");
        assertThat(change(entry, "received").path("new").asInt()).isEqualTo(3);
        assertThat(change(entry, "created").path("new").asInt()).isEqualTo(2);
        assertThat(change(entry, "rejected").path("new").asInt()).isEqualTo(1);
    }

    @Test
    void anAdminsAccountChangesAreTheirOwnKindOfEntryWithoutPasswords() {
        String id = editorAccount();
        HttpResponse<String> patched = api().patch("/api/accounts/" + id, "{\"roles\": [\"editor\", \"ops\"], "
                + "\"password\": \"another-long-password\"}").as(adminSession())
                .header("X-Llmref-Reason", "Joins%20the%20ops%20rota").send();
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);

        HttpResponse<String> trail = api().get("/api/audit?editor=admin&limit=1000").as(TestTokens.OPS).send();
        List<JsonNode> entries = parse(trail.body()).path("entries").valueStream()
                .filter(entry -> entry.path("accountId").asString("").equals(id)).toList();

        assertThat(entries).extracting(entry -> entry.path("action").asString())
                .containsExactly("account-update", "account-create");
        JsonNode update = entries.get(0);
        assertThat(update.path("reason").asString()).isEqualTo("Joins the ops rota");
        assertThat(change(update, "roles").path("old").toString()).isEqualTo("[\"editor\"]");
        assertThat(change(update, "roles").path("new").toString()).isEqualTo("[\"editor\",\"ops\"]");
        assertThat(change(update, "password").path("new").asString()).isEqualTo("changed");
        assertThat(change(entries.get(1), "password").path("new").asString()).isEqualTo("set");
        assertThat(trail.body()).doesNotContain("another-long-password").doesNotContain("$2a$").doesNotContain("{bcrypt}");
    }

    private List<JsonNode> entries(String path, String token) {
        HttpResponse<String> response = api().get(path).as(token).send();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return parse(response.body()).path("entries").valueStream().toList();
    }

    private String refusedField(String path) {
        HttpResponse<String> response = api().get(path).as(TestTokens.OPS).send();
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        return parse(response.body()).path("errors").get(0).path("field").asString();
    }

    private static JsonNode change(JsonNode entry, String field) {
        return entry.path("changes").valueStream().filter(change -> change.path("field").asString().equals(field))
                .findFirst().orElseThrow(() -> new AssertionError("no change of " + field + " in " + entry));
    }

    private String adminSession() {
        return sessionOf("admin", ADMIN_PASSWORD);
    }

    private String sessionOf(String username) {
        return sessionOf(username, "a-long-enough-password");
    }

    private String sessionOf(String username, String password) {
        HttpResponse<String> signed = api().post("/api/sessions", "{\"username\":\"" + username + "\",\"password\":\""
                + password + "\"}").send();
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(201);
        return parse(signed.body()).path("token").asString();
    }

    /** A new editor account; its id. */
    private String editorAccount() {
        String id = "auditor-" + ProcessHandle.current().pid() + "-" + NEXT.incrementAndGet();
        HttpResponse<String> created = api().post("/api/accounts", "{\"id\":\"" + id + "\",\"displayName\":\"Editor "
                + id + "\",\"password\":\"a-long-enough-password\",\"roles\":[\"editor\"]}").as(adminSession()).send();
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return id;
    }

    private static String newId() {
        return "audit-" + System.currentTimeMillis() + "-" + NEXT.incrementAndGet();
    }

    private Api api() {
        return Api.onPort(port);
    }
}
