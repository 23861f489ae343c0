package org.llmreference.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import com.mongodb.client.MongoDatabase;

/**
 * What every service promises ops, checked on the running application: liveness (no dependency)
 * and readiness (only the dependencies it cannot serve without) probes, answers to malformed
 * requests (400 problems with the security headers), Prometheus metrics (with consumer lag and
 * dead-letter counts for each topic it consumes, and what the alert rules of infra/prometheus read),
 * build info, and its own MongoDB database.
 * A service's {@code @SpringBootTest} (web environment on a random port) extends this.
 */
public abstract class ServiceConventions {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Deadlines.HTTP_CONNECT).build();

    @Autowired
    protected Environment environment;

    @Autowired
    protected MongoDatabase database;

    /** The database the service must use, e.g. {@code catalog}. */
    protected abstract String expectedDatabase();

    /** The topics the service consumes, each with the service's name as consumer group. */
    protected abstract List<String> consumedTopics();

    /**
     * The dependencies readiness checks besides the application's own state: what the service
     * cannot serve its users without. An editor service cannot accept a write without MongoDB (the
     * default); Kafka away stops no write (the outbox keeps the events).
     */
    protected List<String> readinessDependencies() {
        return List.of("mongo");
    }

    @Test
    void readinessIsUpAndChecksOnlyWhatTheServiceCannotServeWithout() {
        HttpResponse<String> readiness = get("/actuator/health/readiness");

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"").contains("\"readinessState\"");
        for (String dependency : List.of("kafka", "mongo")) {
            if (readinessDependencies().contains(dependency)) {
                assertThat(readiness.body()).contains("\"" + dependency + "\"");
            } else {
                assertThat(readiness.body()).doesNotContain("\"" + dependency + "\"");
            }
        }
    }

    @Test
    void livenessIsUpAndDependsOnNoDependency() {
        HttpResponse<String> liveness = get("/actuator/health/liveness");

        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"status\":\"UP\"").contains("\"livenessState\"")
                .doesNotContain("\"kafka\"").doesNotContain("\"mongo\"");
    }

    @Test
    void exposesPrometheusMetricsTaggedWithTheApplication() {
        HttpResponse<String> metrics = get("/actuator/prometheus");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes")
                .contains("application=\"" + environment.getProperty("spring.application.name") + "\"");
    }

    @Test
    void exposesConsumerLagAndDeadLetterCountsForEachTopicItConsumes() {
        String group = environment.getProperty("spring.application.name");
        String metrics = get("/actuator/prometheus").body();
        List<String> lag = lines(metrics, "spring_cloud_stream_binder_kafka_offset{");
        List<String> deadLettered = lines(metrics, "llmref_events_dead_lettered_total{");

        if (consumedTopics().isEmpty()) {
            assertThat(lag).isEmpty();
            assertThat(deadLettered).isEmpty();
        }
        for (String topic : consumedTopics()) {
            String ofGroup = "group=\"" + group + "\"";
            String ofTopic = "topic=\"" + topic + "\"";
            assertThat(lag).as("consumer lag of %s on %s", group, topic)
                    .anySatisfy(line -> assertThat(line).contains(ofGroup).contains(ofTopic).doesNotEndWith("NaN"));
            assertThat(deadLettered).as("dead letters of %s on %s", group, topic)
                    .anySatisfy(line -> assertThat(line).contains(ofGroup).contains(ofTopic).contains("reason=\"unreadable\""))
                    .anySatisfy(line -> assertThat(line).contains(ofGroup).contains(ofTopic).contains("reason=\"failed\""));
        }
    }

    private static List<String> lines(String metrics, String prefix) {
        return metrics.lines().filter(line -> line.startsWith(prefix)).toList();
    }

    @Test
    void keepsItsDataInItsOwnDatabase() {
        assertThat(database.getName()).isEqualTo(expectedDatabase());
    }

    @Test
    void opsEndpointsNeedTheOpsToken() {
        assertThat(api().get("/actuator/info").send().statusCode()).isEqualTo(401);
        assertThat(api().get("/actuator/info").as(TestTokens.EDITOR).send().statusCode()).isEqualTo(403);
        assertThat(api().get("/actuator/info").as(TestTokens.OPS).send().statusCode()).isEqualTo(200);
        assertThat(api().get("/actuator/metrics").as(TestTokens.OPS).send().statusCode()).isEqualTo(200);
    }

    @Test
    void writesWithoutATokenAnswer401AsAProblem() {
        HttpResponse<String> anonymous = api().post("/api/anything", "{}").send();
        HttpResponse<String> wrongToken = api().post("/api/anything", "{}").as(TestTokens.UNKNOWN).send();

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(anonymous.body()).contains("\"status\":401").contains("Bearer");
        assertThat(wrongToken.statusCode()).isEqualTo(401);
        assertThat(wrongToken.body()).contains("not valid");
    }

    @Test
    void anUnknownPathAnswers404AsAProblemWithoutAStackTrace() {
        HttpResponse<String> missing = get("/no/such/thing");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(missing.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersWithAReferrerPolicy() {
        for (HttpResponse<String> answer : List.of(get("/actuator/health/liveness"), get("/no/such/thing"),
                api().post("/api/anything", "{}").send())) {
            assertThat(answer.headers().firstValue("Referrer-Policy")).as(answer.uri().toString())
                    .hasValue("strict-origin-when-cross-origin");
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
    }

    /** Request targets a probe sent, as they went over the wire (not normalised by any client). */
    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = { "/?q=%ff", "/?%ff=1", "/actuator/health?x=%ff", "/api/anything?model=%ff", "/?q=%zz",
            "/?q=%e2%82", "/a%2Fb", "/a%5Cb", "/a%00b", "/a/%2e%2e/b", "/a;b", "/a%252eb", "/api/%2e%2e/actuator/info" })
    void aMalformedRequestAnswers400AsAProblemWithTheSecurityHeaders(String target) {
        RawHttp.Answer answer = RawHttp.send(port(), "GET", target);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).as(answer.toString()).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"status\":400").contains("\"detail\"").doesNotContain("Exception")
                .doesNotContain("\tat ").doesNotContain("<html");
        assertThat(answer.header("X-Content-Type-Options")).as(answer.toString()).isEqualTo("nosniff");
        assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(answer.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
    }

    @Test
    void aWriteWithAMalformedQueryStringAnswers400NotAServerError() {
        RawHttp.Answer answer = RawHttp.send(port(), "POST", "/api/import?waitForModelsSeconds=%ff");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void servesItsOpenApiDocument() {
        HttpResponse<String> document = get("/v3/api-docs");

        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body()).contains("\"openapi\"").contains("editorToken");
    }

    @Test
    void exposesReadinessRequestLatencyHistogramsAndDiskSpaceForAlerts() {
        String application = "application=\"" + environment.getProperty("spring.application.name") + "\"";
        get("/no/such/thing");
        String metrics = get("/actuator/prometheus").body();

        assertThat(lines(metrics, "llmref_health_readiness{")).as("readiness as a gauge, 1 while ready")
                .singleElement().satisfies(line -> assertThat(line).contains(application).endsWith(" 1.0"));
        assertThat(lines(metrics, "http_server_requests_seconds_bucket{")).as("request latency histogram")
                .anySatisfy(line -> assertThat(line).contains(application).contains("le=\"0.001\""))
                .anySatisfy(line -> assertThat(line).contains(application).contains("le=\"+Inf\""));
        assertThat(lines(metrics, "disk_free_bytes{")).as("free disk space of the working directory")
                .singleElement().satisfies(line -> assertThat(line).contains("path=\"").doesNotEndWith(" 0.0"));
        assertThat(lines(metrics, "disk_total_bytes{")).singleElement();
    }

    @Test
    void infoNamesTheBuiltVersion() {
        HttpResponse<String> info = api().get("/actuator/info").as(TestTokens.OPS).send();

        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(info.body()).contains("\"build\":{").contains("\"version\":\"0.")
                .contains("\"artifact\":\"" + environment.getProperty("spring.application.name") + "\"");
    }

    private int port() {
        return Integer.parseInt(environment.getProperty("local.server.port"));
    }

    protected Api api() {
        return Api.onPort(environment.getProperty("local.server.port"));
    }

    protected HttpResponse<String> get(String path) {
        URI uri = URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port") + path);
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(Deadlines.HTTP_REQUEST).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("GET " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted during GET " + uri, e);
        }
    }
}
