package org.llmreference.pricing.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.llmreference.pricing.PricingIntegrationTest;
import org.llmreference.testsupport.TestTokens;

import tools.jackson.databind.JsonNode;

/**
 * Bad input is refused with a problem that names the field and the rule, and leaves the stored
 * price list exactly as it was (ETag, body, history).
 */
class RouteValidationTest extends PricingIntegrationTest {

    static final String MODEL = "validation-model";
    static final String RETIRED = "validation-retired";
    static final String PROVIDER = "validation-provider";
    static final String PATH = routePath(MODEL, PROVIDER);
    static final String STORED = "{\"inputPricePerMTok\": 0.1, \"outputPricePerMTok\": 0.2, \"contextWindow\": 128000}";
    static boolean seeded;

    @BeforeEach
    void seedOnce() {
        if (!seeded) {
            knownModel(MODEL);
            knownModel(RETIRED);
            retire(RETIRED, 2);
            provider(PROVIDER, "Validation");
            assertThat(putRoute(MODEL, PROVIDER, STORED).statusCode()).isIn(200, 201);
            seeded = true;
        }
    }

    /** One bad request: where it goes, what it sends, and the problem it must get back. */
    record Case(String name, String path, String body, String contentType, String ifMatch, int status, String field,
            String ruleOrDetail) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Case body(String name, String body, String field, String rule) {
        return new Case(name, PATH, body, "application/json", null, 400, field, rule);
    }

    static String route(String fields) {
        return "{\"inputPricePerMTok\": 0.1, \"outputPricePerMTok\": 0.2" + (fields.isEmpty() ? "" : ", " + fields) + "}";
    }

    static Stream<Arguments> badRequests() {
        String threeYears = Instant.now().plus(3 * 366, ChronoUnit.DAYS).toString();
        StringBuilder tiers = new StringBuilder();
        for (int i = 1; i <= 11; i++) {
            tiers.append(i > 1 ? "," : "").append("{\"aboveTokens\": ").append(i * 1000).append(", \"inputPricePerMTok\": 1}");
        }
        List<Case> cases = new ArrayList<>(List.of(
                body("malformed JSON", "{\"inputPricePerMTok\": ", "body", "malformed-json"),
                body("empty body", "", "body", "required"),
                body("array body", "[]", "body", "type"),
                body("duplicate key", "{\"region\": \"eu\", \"region\": \"us\"}", "region", "duplicate-field"),
                body("price as a string", route("\"cachedInputPricePerMTok\": \"0.03\""), "cachedInputPricePerMTok", "type"),
                body("NaN as a string", "{\"inputPricePerMTok\": \"NaN\"}", "inputPricePerMTok", "type"),
                body("boolean context window", route("\"contextWindow\": true"), "contextWindow", "type"),
                body("fractional context window", route("\"contextWindow\": 1.5"), "contextWindow", "type"),
                body("number for region", route("\"region\": 42"), "region", "type"),
                body("unknown top-level field", route("\"colour\": \"red\""), "colour", "unknown-field"),
                body("unknown field in a tier", route("\"contextTiers\": [{\"aboveTokens\": 1000, \"inputPricePerMTok\": 1, \"colour\": 1}]"),
                        "contextTiers[0].colour", "unknown-field"),
                body("negative price", "{\"inputPricePerMTok\": -0.01}", "inputPricePerMTok", "min"),
                body("absurd price", "{\"outputPricePerMTok\": 10000.01}", "outputPricePerMTok", "max"),
                body("11 decimal places", "{\"inputPricePerMTok\": 0.00000000001}", "inputPricePerMTok", "scale"),
                body("context window 0", route("\"contextWindow\": 0"), "contextWindow", "min"),
                body("context window -1", route("\"contextWindow\": -1"), "contextWindow", "min"),
                body("context window too large", route("\"contextWindow\": 100000001"), "contextWindow", "max"),
                body("tiers not ascending", route("\"contextTiers\": [{\"aboveTokens\": 2000, \"inputPricePerMTok\": 1}, "
                        + "{\"aboveTokens\": 1000, \"inputPricePerMTok\": 2}]"), "contextTiers[1].aboveTokens", "ascending"),
                body("tier without a price", route("\"contextTiers\": [{\"aboveTokens\": 1000}]"), "contextTiers[0]",
                        "tier-price-required"),
                body("tier above the context window", route("\"contextWindow\": 1000, \"contextTiers\": "
                        + "[{\"aboveTokens\": 2000, \"inputPricePerMTok\": 1}]"), "contextTiers[0].aboveTokens",
                        "below-context-window"),
                body("tier above 0 tokens", route("\"contextTiers\": [{\"aboveTokens\": 0, \"inputPricePerMTok\": 1}]"),
                        "contextTiers[0].aboveTokens", "min"),
                body("tier without aboveTokens", route("\"contextTiers\": [{\"inputPricePerMTok\": 1}]"),
                        "contextTiers[0].aboveTokens", "required"),
                body("11 tiers", route("\"contextTiers\": [" + tiers + "]"), "contextTiers", "max-items"),
                body("cached input without input", "{\"outputPricePerMTok\": 1, \"cachedInputPricePerMTok\": 0.1}",
                        "cachedInputPricePerMTok", "requires-input-price"),
                body("batch input without input", "{\"batchInputPricePerMTok\": 0.1}", "batchInputPricePerMTok",
                        "requires-input-price"),
                body("batch output without output", "{\"inputPricePerMTok\": 1, \"batchOutputPricePerMTok\": 0.1}",
                        "batchOutputPricePerMTok", "requires-output-price"),
                body("control character in region", route("\"region\": \"eu\\u0007west\""), "region", "control-characters"),
                body("region of 65 characters", route("\"region\": \"" + "r".repeat(65) + "\""), "region", "max-length"),
                body("javascript source URL", route("\"sourceUrl\": \"javascript:alert(1)\""), "sourceUrl", "http-url"),
                body("source URL that is no URL", route("\"sourceUrl\": \"not a url\""), "sourceUrl", "http-url"),
                body("verified in 2999", route("\"verifiedAt\": \"2999-01-01\""), "verifiedAt", "too-far-in-future"),
                body("verified before 2015", route("\"verifiedAt\": \"2014-12-31\""), "verifiedAt", "too-early"),
                body("verified 'yesterday'", route("\"verifiedAt\": \"yesterday\""), "verifiedAt", "type"),
                body("effective beyond two years", route("\"effectiveFrom\": \"" + threeYears + "\""), "effectiveFrom",
                        "too-far-in-future"),
                body("effective before 2015", route("\"effectiveFrom\": \"2014-06-01T00:00:00Z\""), "effectiveFrom",
                        "too-early"),
                body("status 'gone'", route("\"status\": \"gone\""), "status", "type"),
                new Case("model id in upper case", routePath("Validation-Model", PROVIDER), STORED, "application/json",
                        null, 400, "modelId", "slug"),
                new Case("provider id with a space", routePath(MODEL, "bad%20provider"), STORED, "application/json",
                        null, 400, "providerId", "slug"),
                new Case("If-Match that is no ETag", PATH, STORED, "application/json", "yesterday", 400, "If-Match", "etag"),
                new Case("body over 256 KB", PATH, route("\"region\": \"" + "x".repeat(300_000) + "\""),
                        "application/json", null, 413, null, "at most"),
                new Case("text/plain body", PATH, STORED, "text/plain", null, 415, null, "not supported"),
                new Case("JSON Patch body", PATH, STORED, "application/json-patch+json", null, 415, null, "not supported"),
                new Case("JSON:API body", PATH, STORED, "application/vnd.api+json", null, 415, null, "not supported"),
                new Case("empty If-Match", PATH, STORED, "application/json", "", 400, "If-Match", "etag"),
                body("source URL with user information", route("\"sourceUrl\": \"https://openrouter.ai@evil.example/\""),
                        "sourceUrl", "no-userinfo"),
                body("noncharacter in region", route("\"region\": \"eu\\uffff\""), "region", "noncharacter"),
                body("lone surrogate in region", route("\"region\": \"eu\\ud800\""), "region", "unpaired-surrogate"),
                body("zero-width space in region", route("\"region\": \"eu\\u200bwest\""), "region", "control-characters"),
                new Case("unknown provider", routePath(MODEL, "no-such-provider"), STORED, "application/json", null, 422,
                        "providerId", "unknown-provider"),
                new Case("unknown model", routePath("no-such-model", PROVIDER), STORED, "application/json", null, 422,
                        "modelId", "unknown-model"),
                new Case("retired model", routePath(RETIRED, PROVIDER), STORED, "application/json", null, 422,
                        "modelId", "retired-model")));
        return cases.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void refusesBadInputAndKeepsTheStoredPriceList(Case bad) {
        HttpResponse<String> before = api().get("/api/models/" + MODEL + "/routes").send();
        int historyBefore = json(api().get(PATH + "/history").send()).size();

        var call = api().put(bad.path(), bad.body()).as(TestTokens.EDITOR).header("Content-Type", bad.contentType());
        if (bad.ifMatch() != null) {
            call.header("If-Match", bad.ifMatch());
        }
        HttpResponse<String> response = call.send();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(bad.status());
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(bad.status());
        if (bad.field() != null) {
            assertThat(problem.get("errors")).as(response.body()).anySatisfy(error -> {
                assertThat(error.get("field").asString()).isEqualTo(bad.field());
                assertThat(error.get("rule").asString()).isEqualTo(bad.ruleOrDetail());
            });
        } else {
            assertThat(problem.get("detail").asString()).contains(bad.ruleOrDetail());
        }
        HttpResponse<String> after = api().get("/api/models/" + MODEL + "/routes").send();
        assertThat(etag(after)).isEqualTo(etag(before)).isEqualTo("\"1\"");
        assertThat(after.body()).isEqualTo(before.body());
        assertThat(json(api().get(PATH + "/history").send()).size()).isEqualTo(historyBefore).isEqualTo(1);
    }
}
