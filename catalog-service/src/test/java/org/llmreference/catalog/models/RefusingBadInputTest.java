package org.llmreference.catalog.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmreference.catalog.models.ModelJson.aModel;
import static org.llmreference.catalog.models.ModelJson.parse;
import static org.llmreference.catalog.models.ModelJson.write;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.llmreference.testsupport.Api;
import org.llmreference.testsupport.TestTokens;
import org.llmreference.testsupport.WithInfrastructure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bad requests are refused as problems that name the field and the rule, and leave the stored
 * model exactly as it was (same ETag, same body). One model is stored before the matrix runs.
 * (Not {@code PER_CLASS}: that would start the application before the test infrastructure is up.)
 */
@WithInfrastructure
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RefusingBadInputTest {

    static final String SEED = "matrix-seed-" + System.currentTimeMillis();
    static final String MODEL = "/api/models/" + SEED;

    @Value("${local.server.port}")
    int port;

    private static String seededETag;
    private static String seededBody;

    /** One bad request: how to send it, and what the problem must say. */
    record BadRequest(String name, Function<Api, Api.Call> request, int status, String field, String rule, String detail) {

        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void seedTheModel(@Value("${local.server.port}") int port) {
        Api api = Api.onPort(port);
        HttpResponse<String> seeded = api.put(MODEL, write(aModel(SEED))).as(TestTokens.EDITOR).send();
        assertThat(seeded.statusCode()).as(seeded.body()).isEqualTo(201);
        HttpResponse<String> read = api.get(MODEL).send();
        seededETag = read.headers().firstValue("ETag").orElseThrow();
        seededBody = read.body();
    }

    static Stream<BadRequest> badRequests() {
        List<BadRequest> cases = new ArrayList<>();
        cases.add(raw("malformed JSON", "{\"name\" \"x\"}", "body", "malformed-json"));
        cases.add(raw("empty body", "", "body", "required"));
        cases.add(raw("JSON array instead of an object", "[" + write(aModel(SEED)) + "]", "body", "type"));
        cases.add(put("string for contextWindow", m -> m.put("contextWindow", "131072"), "contextWindow", "type"));
        cases.add(put("number for name", m -> m.put("name", 42), "name", "type"));
        cases.add(put("boolean for vendor", m -> m.put("vendor", true), "vendor", "type"));
        cases.add(put("float for an integer field", m -> m.put("contextWindow", new java.math.BigDecimal("131072.5")),
                "contextWindow", "type"));
        cases.add(put("unknown top-level field", m -> m.put("flavour", "vanilla"), "flavour", "unknown-field"));
        cases.add(put("unknown nested field", m -> obj(m, "capabilities").put("flying", true), "capabilities.flying",
                "unknown-field"));
        cases.add(put("missing name", m -> m.remove("name"), "name", "required"));
        cases.add(putAt("id with uppercase", "GPT-5", "id", "slug"));
        cases.add(putAt("id with a space", "gpt%205", "id", "slug"));
        cases.add(putAt("id with -vs-", "a-vs-b", "id", "slug"));
        cases.add(putAt("id of 101 characters", "a".repeat(101), "id", "slug"));
        cases.add(put("body id other than the path id", m -> m.put("id", "another-model"), "id", "matches-path"));
        cases.add(new BadRequest("body over 256 KB", api -> api.put(MODEL, write(aModel(SEED).put("name", "x".repeat(300_000))))
                .as(TestTokens.EDITOR), 413, "body", "max-size", "at most"));
        cases.add(put("control character in name", m -> m.put("name", "bell\u0007"), "name", "control-characters"));
        cases.add(put("control character in vendor", m -> m.put("vendor", "Open\nAI"), "vendor", "control-characters"));
        cases.add(put("control character in a decision tag", m -> arr(m, "decisionTags").set(0, "R\u0000AG"),
                "decisionTags[0]", "control-characters"));
        cases.add(put("bidi override in name", m -> m.put("name", "gpt\u202eoss"), "name", "control-characters"));
        cases.add(escapedName("noncharacter U+FFFF in name", "gpt\\uffffoss", "name", "noncharacter"));
        cases.add(escapedName("noncharacter U+FFFE in name", "\\ufffegpt", "name", "noncharacter"));
        cases.add(escapedName("lone surrogate in name", "gpt\\ud800oss", "name", "unpaired-surrogate"));
        cases.add(escapedName("lone low surrogate at the end of name", "gpt\\udc00", "name", "unpaired-surrogate"));
        cases.add(escapedName("name of zero-width spaces only", "\\u200b\\u200b", "name", "control-characters"));
        cases.add(escapedName("name of Hangul fillers only", "\\u3164\\u3164", "name", "not-blank"));
        cases.add(escapedName("name of blank Braille patterns only", "\\u2800", "name", "not-blank"));
        cases.add(escapedName("Arabic letter mark in name", "gpt\\u061coss", "name", "control-characters"));
        cases.add(escapedName("byte order mark in name", "\\ufeffgpt", "name", "control-characters"));
        cases.add(escapedName("tag characters in name", "gpt\\udb40\\udc41", "name", "control-characters"));
        cases.add(escapedName("left-to-right mark in name", "gpt\\u200eoss", "name", "control-characters"));
        cases.add(put("source url with user information", m -> ((ObjectNode) arr(m, "sources").get(0))
                .put("url", "https://openrouter.ai@evil.example/"), "sources[0].url", "no-userinfo"));
        cases.add(put("knowledge cutoff 0000-01", m -> m.put("knowledgeCutoff", "0000-01"), "knowledgeCutoff", "too-early"));
        cases.add(new BadRequest("empty If-Match", api -> api.put(MODEL, write(aModel(SEED).put("name", "new")))
                .as(TestTokens.EDITOR).header("If-Match", ""), 400, "If-Match", "etag", null));
        cases.add(put("javascript: source url", m -> ((ObjectNode) arr(m, "sources").get(0)).put("url", "javascript:alert(1)"),
                "sources[0].url", "http-url"));
        cases.add(put("release date 2999-01-01", m -> m.put("releaseDate", "2999-01-01"), "releaseDate", "too-far-in-future"));
        cases.add(put("release date in 2014", m -> m.put("releaseDate", "2014-06-01"), "releaseDate", "too-early"));
        cases.add(put("release date that is no date", m -> m.put("releaseDate", "2025-02-30"), "releaseDate", "type"));
        cases.add(put("knowledge cutoff August", m -> m.put("knowledgeCutoff", "August"), "knowledgeCutoff", "format"));
        cases.add(put("knowledge cutoff month 13", m -> m.put("knowledgeCutoff", "2025-13"), "knowledgeCutoff", "format"));
        cases.add(put("context window 0", m -> m.put("contextWindow", 0), "contextWindow", "min"));
        cases.add(put("context window -5", m -> m.put("contextWindow", -5), "contextWindow", "min"));
        cases.add(put("context window 1e12", m -> m.put("contextWindow", 1_000_000_000_000L), "contextWindow", "max"));
        cases.add(put("max output tokens above the context window", m -> m.put("maxOutputTokens", 200_000), "maxOutputTokens",
                "max-context-window"));
        cases.add(put("parameters -1 billion", m -> m.put("parametersBillions", -1), "parametersBillions", "min"));
        cases.add(put("parameters with 4 decimals", m -> m.put("parametersBillions", new java.math.BigDecimal("20.1234")),
                "parametersBillions", "scale"));
        cases.add(put("benchmark without a score", m -> arr(m, "benchmarks").addObject().put("name", "MMLU"),
                "benchmarks[0].score", "required"));
        cases.add(put("unknown modality", m -> arr(obj(m, "modalities"), "input").add("smell"), "modalities.input[1]", "one-of"));
        cases.add(put("duplicate decision tag", m -> arr(m, "decisionTags").add("rag"), "decisionTags[2]", "duplicate"));
        cases.add(put("21 sources", m -> {
            ArrayNode sources = arr(m, "sources");
            for (int i = 1; i < 21; i++) {
                sources.addObject().put("title", "source " + i).put("url", "https://example.org/" + i);
            }
        }, "sources", "max-items"));
        cases.add(put("successor is the model itself", m -> m.put("successorId", SEED), "successorId", "not-self"));
        cases.add(put("retiresOn with status active", m -> m.put("retiresOn", "2027-01-01"), "retiresOn", "requires-deprecation"));
        cases.add(put("status gone", m -> m.put("status", "gone"), "status", "one-of"));
        cases.add(patch("PATCH changing the id", "{\"id\": \"another-model\"}", "id", "matches-path"));
        cases.add(patch("PATCH with an unknown field", "{\"colour\": \"red\"}", "colour", "unknown-field"));
        cases.add(patch("PATCH setting contextWindow to 0", "{\"contextWindow\": 0}", "contextWindow", "min"));
        cases.add(patch("PATCH that is not an object", "[]", "body", "type"));
        cases.add(new BadRequest("If-Match that is no ETag", api -> api.put(MODEL, write(aModel(SEED).put("name", "new")))
                .as(TestTokens.EDITOR).header("If-Match", "yesterday"), 400, "If-Match", "etag", null));
        cases.add(new BadRequest("wrong Content-Type text/plain", api -> api.put(MODEL, write(aModel(SEED).put("name", "new")))
                .as(TestTokens.EDITOR).header("Content-Type", "text/plain"), 415, null, null, "not supported"));
        cases.add(list("list page -1", "page=-1", "page", "min"));
        cases.add(list("list size 1000", "size=1000", "size", "max"));
        cases.add(list("list size 0", "size=0", "size", "min"));
        cases.add(list("list page that is no number", "page=first", "page", "type"));
        cases.add(list("list capability flying", "capability=flying", "capability", "one-of"));
        cases.add(list("list status gone", "status=gone", "status", "one-of"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void isRefusedAsAProblemNamingTheFieldAndRuleAndChangesNothing(BadRequest bad) {
        HttpResponse<String> response = bad.request().apply(api()).send();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(bad.status());
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = parse(response.body());
        if (bad.field() != null) {
            assertThat(problem.path("errors").valueStream().map(e -> e.path("field").asString() + " " + e.path("rule").asString()))
                    .as(response.body()).contains(bad.field() + " " + bad.rule());
        }
        if (bad.detail() != null) {
            assertThat(problem.path("detail").asString()).contains(bad.detail());
        }
        HttpResponse<String> stored = api().get(MODEL).send();
        assertThat(stored.headers().firstValue("ETag")).hasValue(seededETag);
        assertThat(stored.body()).isEqualTo(seededBody);
    }

    private static BadRequest raw(String name, String body, String field, String rule) {
        return new BadRequest(name, api -> api.put(MODEL, body).as(TestTokens.EDITOR), 400, field, rule, null);
    }

    private static BadRequest put(String name, java.util.function.Consumer<ObjectNode> spoil, String field, String rule) {
        ObjectNode model = aModel(SEED);
        spoil.accept(model);
        return raw(name, write(model), field, rule);
    }

    /** A PUT whose name is {@code escaped}, written into the JSON as it is (with its {@code \\u} escapes). */
    private static BadRequest escapedName(String name, String escaped, String field, String rule) {
        String body = write(aModel(SEED).put("name", "NAME-PLACEHOLDER")).replace("NAME-PLACEHOLDER", escaped);
        return raw(name, body, field, rule);
    }

    private static BadRequest putAt(String name, String pathId, String field, String rule) {
        return new BadRequest(name, api -> api.put("/api/models/" + pathId, write(aModel(SEED))).as(TestTokens.EDITOR), 400,
                field, rule, null);
    }

    private static BadRequest patch(String name, String patch, String field, String rule) {
        return new BadRequest(name, api -> api.patch(MODEL, patch).as(TestTokens.EDITOR), 400, field, rule, null);
    }

    private static BadRequest list(String name, String query, String field, String rule) {
        return new BadRequest(name, api -> api.get("/api/models?" + query), 400, field, rule, null);
    }

    private static ObjectNode obj(ObjectNode node, String field) {
        return (ObjectNode) node.get(field);
    }

    private static ArrayNode arr(ObjectNode node, String field) {
        return (ArrayNode) node.get(field);
    }

    private Api api() {
        return Api.onPort(port);
    }
}
