package org.llmreference.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.llmreference.testsupport.Api;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.WithInfrastructure;

/**
 * Who may write, checked against the four running services: writes without a token, with a wrong
 * token, with the ops token on the editor APIs, with the editor token on ops endpoints, and with
 * the credentials a visitor might carry, all fail with 401 or 403 and change nothing. Actuator
 * endpoints beyond health and prometheus need the ops role; bodies have a size limit.
 */
@WithInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnauthorisedWritesIT {

    static final String WRONG_TOKEN = "not-a-token-of-this-site";
    static final String MODEL = "{\"name\": \"Intruder\", \"vendor\": \"Nobody\", \"contextWindow\": 1000, \"license\": \"MIT\"}";
    static final String ROUTE = "{\"inputPricePerMTok\": 0.0, \"outputPricePerMTok\": 0.0, \"contextWindow\": 131072, "
            + "\"status\": \"active\", \"sourceUrl\": \"https://example.com\", \"verifiedAt\": \"2026-05-22\"}";

    Site site;

    /** Who tries, with which credentials. */
    enum Caller {
        NO_TOKEN(null, null),
        WRONG_TOKEN("Authorization", "Bearer " + UnauthorisedWritesIT.WRONG_TOKEN),
        OPS_ON_EDITOR_API("Authorization", "Bearer " + Site.OPS_TOKEN),
        EDITOR_ON_OPS_ENDPOINT("Authorization", "Bearer " + Site.EDITOR_TOKEN),
        BASIC_CREDENTIALS("Authorization", "Basic ZWRpdG9yOmVkaXRvcg=="),
        VISITOR_WITH_A_COOKIE("Cookie", "JSESSIONID=0123456789ABCDEF");

        final String header;
        final String value;

        Caller(String header, String value) {
            this.header = header;
            this.value = value;
        }
    }

    /** One attempt: a service, a request, a caller, and the status it must get. */
    record Attempt(String service, String method, String path, String body, Caller caller, int expected) {

        @Override
        public String toString() {
            return caller + " " + method + " " + service + path + " -> " + expected;
        }
    }

    static Stream<Attempt> attempts() {
        return Stream.of(
                new Attempt("catalog", "PUT", "/api/models/intruder", MODEL, Caller.NO_TOKEN, 401),
                new Attempt("catalog", "PUT", "/api/models/gpt-oss-20b", MODEL, Caller.WRONG_TOKEN, 401),
                new Attempt("catalog", "PUT", "/api/models/gpt-oss-20b", MODEL, Caller.OPS_ON_EDITOR_API, 403),
                new Attempt("catalog", "PATCH", "/api/models/gpt-oss-20b", "{\"name\": \"x\"}", Caller.NO_TOKEN, 401),
                new Attempt("catalog", "PATCH", "/api/models/gpt-oss-20b", "{\"name\": \"x\"}", Caller.BASIC_CREDENTIALS, 401),
                new Attempt("catalog", "DELETE", "/api/models/gpt-oss-20b", null, Caller.VISITOR_WITH_A_COOKIE, 401),
                new Attempt("catalog", "DELETE", "/api/models/gpt-oss-20b", null, Caller.OPS_ON_EDITOR_API, 403),
                new Attempt("catalog", "POST", "/api/import", "{\"models\": []}", Caller.NO_TOKEN, 401),
                new Attempt("catalog", "POST", "/api/import", "{\"models\": []}", Caller.WRONG_TOKEN, 401),
                new Attempt("pricing", "PUT", "/api/models/gpt-oss-20b/routes/openrouter", ROUTE, Caller.NO_TOKEN, 401),
                new Attempt("pricing", "PUT", "/api/models/gpt-oss-20b/routes/openrouter", ROUTE, Caller.WRONG_TOKEN, 401),
                new Attempt("pricing", "PUT", "/api/models/gpt-oss-20b/routes/openrouter", ROUTE, Caller.OPS_ON_EDITOR_API, 403),
                new Attempt("pricing", "DELETE", "/api/models/gpt-oss-20b/routes/openrouter", null, Caller.VISITOR_WITH_A_COOKIE, 401),
                new Attempt("pricing", "PUT", "/api/providers/openrouter", "{\"name\": \"Intruder\"}", Caller.NO_TOKEN, 401),
                new Attempt("pricing", "PUT", "/api/providers/openrouter", "{\"name\": \"Intruder\"}", Caller.OPS_ON_EDITOR_API, 403),
                new Attempt("pricing", "POST", "/api/import", "{\"routes\": []}", Caller.BASIC_CREDENTIALS, 401),
                new Attempt("comparison", "PUT", "/api/pairs/gpt-oss-20b-vs-o3-mini", null, Caller.NO_TOKEN, 401),
                new Attempt("comparison", "PUT", "/api/pairs/gpt-oss-20b-vs-o3-mini", null, Caller.WRONG_TOKEN, 401),
                new Attempt("comparison", "DELETE", "/api/pairs/gpt-oss-20b-vs-qwen3.5-4b", null, Caller.OPS_ON_EDITOR_API, 403),
                new Attempt("comparison", "DELETE", "/api/pairs/gpt-oss-20b-vs-qwen3.5-4b", null, Caller.VISITOR_WITH_A_COOKIE, 401),
                new Attempt("page", "POST", "/compare/gpt-oss-20b-vs-qwen3.5-4b", "{}", Caller.NO_TOKEN, 401),
                new Attempt("catalog", "GET", "/actuator/metrics", null, Caller.EDITOR_ON_OPS_ENDPOINT, 403),
                new Attempt("pricing", "POST", "/actuator/loggers/org.llmreference", "{\"configuredLevel\": \"TRACE\"}",
                        Caller.EDITOR_ON_OPS_ENDPOINT, 403),
                new Attempt("comparison", "GET", "/actuator/bindings", null, Caller.NO_TOKEN, 401),
                new Attempt("page", "GET", "/actuator/bindings", null, Caller.EDITOR_ON_OPS_ENDPOINT, 403),
                new Attempt("page", "POST", "/actuator/bindings/regeneratePage-in-0", "{\"state\": \"STOPPED\"}",
                        Caller.EDITOR_ON_OPS_ENDPOINT, 403),
                new Attempt("page", "POST", "/actuator/bindings/regeneratePage-in-0", "{\"state\": \"STOPPED\"}",
                        Caller.VISITOR_WITH_A_COOKIE, 401),
                new Attempt("page", "GET", "/actuator/loggers", null, Caller.WRONG_TOKEN, 401));
    }

    Map<String, String> before;

    @BeforeAll
    void startTheSite(TestInfrastructure infrastructure) throws Exception {
        site = Site.start(infrastructure.kafkaBootstrapServers(), infrastructure.mongoUri());
        site.importDemo("unauthorised-writes-import.log");
        site.awaitEveryPageServed(Duration.ofMinutes(3));
        site.awaitSettled(Duration.ofMinutes(3));
        before = state();
    }

    @AfterAll
    void stopTheSite() throws InterruptedException {
        if (site != null) {
            site.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attempts")
    void anUnauthorisedWriteFailsAndChangesNothing(Attempt attempt) {
        Api.Call call = switch (attempt.method()) {
            case "GET" -> api(attempt.service()).get(attempt.path());
            case "PUT" -> api(attempt.service()).put(attempt.path(), attempt.body() == null ? "" : attempt.body());
            case "PATCH" -> api(attempt.service()).patch(attempt.path(), attempt.body());
            case "POST" -> api(attempt.service()).post(attempt.path(), attempt.body());
            case "DELETE" -> api(attempt.service()).delete(attempt.path());
            default -> throw new IllegalArgumentException(attempt.method());
        };
        if (attempt.caller().header != null) {
            call.header(attempt.caller().header, attempt.caller().value);
        }

        HttpResponse<String> response = call.send();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(attempt.expected());
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(response.body()).contains("\"detail\"").doesNotContain("Exception");
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void theOpsRoleReadsActuatorEndpointsAndEveryoneReadsHealthAndMetrics() {
        for (ServiceProcess process : site.processes()) {
            Api api = Api.onPort(process.port());
            assertThat(api.get("/actuator/metrics").as(Site.OPS_TOKEN).send().statusCode()).isEqualTo(200);
            assertThat(api.get("/actuator/loggers").as(Site.OPS_TOKEN).send().statusCode()).isEqualTo(200);
            assertThat(api.get("/actuator/health/readiness").send().statusCode()).isEqualTo(200);
            assertThat(api.get("/actuator/prometheus").send().statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anEditorsOversizedBodyIsRefusedWith413() {
        String huge = "{\"description\": \"" + "x".repeat(300 * 1024) + "\"}";

        HttpResponse<String> response = site.catalogApi().patch("/api/models/gpt-oss-20b", huge).as(Site.EDITOR_TOKEN).send();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.body()).contains("\"detail\"");
        assertThat(state()).isEqualTo(before);
    }

    /** What an unauthorised write could have changed: a model, a price list, the pairs, a consumer binding, a page. */
    private Map<String, String> state() {
        Function<HttpResponse<String>, String> tagged = response -> response.statusCode() + " "
                + response.headers().firstValue("ETag").orElse("") + " " + response.body();
        return Map.of(
                "model", tagged.apply(site.catalogApi().get("/api/models/gpt-oss-20b").send()),
                "intruder", tagged.apply(site.catalogApi().get("/api/models/intruder").send()),
                "routes", tagged.apply(site.pricingApi().get("/api/models/gpt-oss-20b/routes").send()),
                "provider", tagged.apply(site.pricingApi().get("/api/providers/openrouter").send()),
                "pairs", tagged.apply(site.comparisonApi().get("/api/pairs?model=gpt-oss-20b&size=1000").send()),
                "bindings", String.valueOf(site.pageApi().get("/actuator/bindings").as(Site.OPS_TOKEN).send().body()
                        .contains("\"state\":\"running\"")),
                "loggers", site.pricingApi().get("/actuator/loggers/org.llmreference").as(Site.OPS_TOKEN).send().body(),
                "page", site.pageApi().get("/compare/gpt-oss-20b-vs-qwen3.5-4b").send().headers().firstValue("ETag").orElse(""));
    }

    private Api api(String service) {
        return switch (service) {
            case "catalog" -> site.catalogApi();
            case "pricing" -> site.pricingApi();
            case "comparison" -> site.comparisonApi();
            case "page" -> site.pageApi();
            default -> throw new IllegalArgumentException(service);
        };
    }
}
