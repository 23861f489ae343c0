package org.llmreference.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import com.mongodb.client.MongoDatabase;

/**
 * What every service promises ops, checked on the running application: liveness and readiness
 * probes (readiness includes Kafka and MongoDB), Prometheus metrics (with consumer lag and
 * dead-letter counts for each topic it consumes, and what the alert rules of infra/prometheus read),
 * build info, and its own MongoDB database.
 * A service's {@code @SpringBootTest} (web environment on a random port) extends this.
 */
public abstract class ServiceConventions {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    protected Environment environment;

    @Autowired
    protected MongoDatabase database;

    /** The database the service must use, e.g. {@code catalog}. */
    protected abstract String expectedDatabase();

    /** The topics the service consumes, each with the service's name as consumer group. */
    protected abstract List<String> consumedTopics();

    @Test
    void readinessIsUpAndIncludesKafkaAndMongo() {
        HttpResponse<String> readiness = get("/actuator/health/readiness");

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"").contains("\"kafka\"").contains("\"mongo\"");
    }

    @Test
    void livenessIsUp() {
        HttpResponse<String> liveness = get("/actuator/health/liveness");

        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"status\":\"UP\"");
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

    protected Api api() {
        return Api.onPort(environment.getProperty("local.server.port"));
    }

    protected HttpResponse<String> get(String path) {
        URI uri = URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port") + path);
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("GET " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted during GET " + uri, e);
        }
    }
}
