package org.llmreference.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.llmreference.testsupport.Api;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.WithInfrastructure;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the run command does on a first start, with real processes: the import command loads the
 * built-in demo catalog into catalog-service and pricing-service over their editor APIs (pricing
 * waits until it has learnt the new model ids from Kafka), and importing it again changes nothing.
 */
@WithInfrastructure
class DemoCatalogIT {

    static final String TOKEN = "demo-it-editor-token";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theImportCommandLoadsTheDemoCatalogAndAReimportChangesNothing(TestInfrastructure infrastructure)
            throws Exception {
        Map<String, String> environment = Map.of("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers(),
                "MONGODB_URI", infrastructure.mongoUri(), "LLMREF_EDITOR_TOKEN", TOKEN);
        try (ServiceProcess catalog = ServiceProcess.start("catalog-service", environment);
                ServiceProcess pricing = ServiceProcess.start("pricing-service", environment)) {
            catalog.awaitReady(Duration.ofSeconds(120));
            pricing.awaitReady(Duration.ofSeconds(120));
            Api catalogApi = Api.onPort(catalog.port());
            Api pricingApi = Api.onPort(pricing.port());

            String first = runImporter(catalog, pricing, "first-import.log");

            assertThat(first).contains("done in").contains("0 rejected").doesNotContainPattern("rejected [1-9]");
            JsonNode gptOss = JSON.readTree(catalogApi.get("/api/models/gpt-oss-20b").send().body());
            assertThat(gptOss.get("name").asString()).isEqualTo("gpt-oss-20b");
            assertThat(gptOss.get("contextWindow").asInt()).isEqualTo(131_072);
            JsonNode qwen = JSON.readTree(catalogApi.get("/api/models/qwen3.5-4b").send().body());
            assertThat(qwen.get("contextWindow").asInt()).isEqualTo(262_144);
            assertThat(qwen.get("license").asString()).isEqualTo("Apache 2.0");
            assertThat(JSON.readTree(catalogApi.get("/api/models?size=200").send().body()).get("total").asInt())
                    .isGreaterThanOrEqualTo(14);

            HttpResponse<String> routesResponse = pricingApi.get("/api/models/gpt-oss-20b/routes").send();
            JsonNode routes = JSON.readTree(routesResponse.body()).get("routes");
            assertThat(routes).hasSize(9);
            List<String> cheapest = new ArrayList<>();
            routes.forEach(route -> {
                if (route.get("providerId").asString().equals("openrouter")) {
                    cheapest.add(route.get("inputPricePerMTok").decimalValue().toPlainString() + "/"
                            + route.get("outputPricePerMTok").decimalValue().toPlainString());
                }
            });
            assertThat(cheapest).containsExactly("0.03/0.14");
            assertThat(JSON.readTree(pricingApi.get("/api/models/qwen3.5-4b/routes").send().body()).get("routes"))
                    .isEmpty();

            String modelTag = catalogApi.get("/api/models/gpt-oss-20b").send().headers().firstValue("ETag").orElseThrow();
            String routesTag = routesResponse.headers().firstValue("ETag").orElseThrow();

            String second = runImporter(catalog, pricing, "second-import.log");

            assertThat(second).contains("0 created, 0 changed, 70 unchanged, 0 rejected")
                    .doesNotContainPattern("\\b(created|changed) [1-9]");
            assertThat(catalogApi.get("/api/models/gpt-oss-20b").send().headers().firstValue("ETag")).hasValue(modelTag);
            assertThat(pricingApi.get("/api/models/gpt-oss-20b/routes").send().headers().firstValue("ETag"))
                    .hasValue(routesTag);
        }
    }

    private static String runImporter(ServiceProcess catalog, ServiceProcess pricing, String logName)
            throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("llmref.repository.root", ".."));
        Path jar = root.resolve("importing/target/importer.jar");
        assertThat(jar).as("the import command is packaged before the system tests run").isRegularFile();
        Path log = Path.of("target", logName);
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "--demo", "--token", TOKEN, "--wait-for-models", "60",
                "--catalog", "http://127.0.0.1:" + catalog.port(), "--pricing", "http://127.0.0.1:" + pricing.port())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the import finishes").isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("import exit code; output:%n%s", output).isZero();
        return output;
    }
}
