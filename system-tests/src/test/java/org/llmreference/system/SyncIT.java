package org.llmreference.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.WithInfrastructure;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;

/**
 * The upstream sync on a running site (the four services as processes, the demo catalog loaded): a
 * price changed upstream in a new commit of a small models.dev repository (built here with JGit)
 * reaches the comparison pages and the route's history with that commit as its provenance; an
 * editor's later change to the same route is not overwritten but listed as a conflict; models.dev's
 * api.json served by a local HTTP server syncs the same way; bad upstreams change nothing; a route
 * whose upstream file is deleted is withdrawn from the pages, unless an editor changed it since.
 */
@WithInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SyncIT {

    static final Duration WAIT = Duration.ofMinutes(3);
    static final String MODEL = "llama-3.3-70b";
    static final String ROUTE = "/api/models/" + MODEL + "/routes/groq";

    @TempDir
    Path temp;
    Site site;
    Path upstream;
    Git git;

    @BeforeAll
    void startTheSiteAndAnUpstreamRepository(TestInfrastructure infrastructure, @TempDir Path dir) throws Exception {
        site = Site.start(infrastructure.kafkaBootstrapServers(), infrastructure.mongoUri());
        site.importDemo("sync-import.log");
        site.awaitEveryPageServed(WAIT);
        site.awaitSettled(WAIT);
        upstream = dir.resolve("models.dev");
        Files.createDirectories(upstream.resolve("providers/groq/models"));
        Files.writeString(upstream.resolve("providers/groq/provider.toml"),
                "name = \"Groq\"\nenv = [\"GROQ_API_KEY\"]\nnpm = \"@ai-sdk/groq\"\ndoc = \"https://groq.com/pricing\"\n");
        git = Git.init().setDirectory(upstream.toFile()).setInitialBranch("dev").call();
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (git != null) {
            git.close();
        }
        if (site != null) {
            site.close();
        }
    }

    /** A provider's models.dev file of the model with these prices (context 131,072). */
    private static String modelFile(String input, String output) {
        return """
                name = "Llama 3.3 70B"
                family = "llama"
                release_date = "2024-12-06"
                tool_call = true
                open_weights = true

                [cost]
                input = %s
                output = %s

                [limit]
                context = 131_072
                output = 32_768

                [modalities]
                input = ["text"]
                output = ["text"]
                """.formatted(input, output);
    }

    /** Writes groq's file of the model with these prices and commits it. */
    private RevCommit commitPrices(String input, String output) throws Exception {
        Files.writeString(upstream.resolve("providers/groq/models/" + MODEL + ".toml"), modelFile(input, output));
        git.add().addFilepattern(".").call();
        return git.commit().setMessage("groq: " + MODEL + " " + input + " / " + output).setSign(false).call();
    }

    /** Runs {@code sync} once against the site; its exit code, a line, and its output. */
    private String sync(String source, String logName) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("llmref.repository.root", ".."));
        Path jar = root.resolve("importing/target/importer.jar");
        Path log = Path.of("target", logName);
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                jar.toString(), "org.llmreference.importing.sync.SyncCommand", source, "--token", Site.EDITOR_TOKEN,
                "--pricing", "http://127.0.0.1:" + site.pricing.port())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the sync finishes").isTrue();
        return process.exitValue() + "\n" + Files.readString(log, StandardCharsets.UTF_8);
    }

    private JsonNode history() {
        return Site.read(site.pricingApi(), ROUTE + "/history");
    }

    private static JsonNode last(JsonNode list) {
        return list.get(list.size() - 1);
    }

    @Test
    @Order(1)
    void anUpstreamPriceChangedInANewCommitReachesThePagesAndTheHistoryWithThatCommit() throws Exception {
        commitPrices("0.59", "0.79");
        String first = sync(upstream.toString(), "sync-1.log");
        assertThat(first).as(first).startsWith("0\n").contains("1 changed")
                .as("the same prices, but the route gains its upstream source");
        assertThat(Site.read(site.pricingApi(), ROUTE).at("/upstream/path").asString())
                .isEqualTo("providers/groq/models/" + MODEL + ".toml");
        RevCommit cheaper = commitPrices("0.02", "0.04");
        long started = System.nanoTime();

        String output = sync(upstream.toString(), "sync-2.log");

        assertThat(output).as(output).startsWith("0\n").contains("1 changed").contains("commit " + cheaper.getName().substring(0, 12));
        JsonNode entry = last(history());
        assertThat(entry.get("route").get("inputPricePerMTok").decimalValue()).isEqualByComparingTo("0.02");
        assertThat(entry.at("/provenance/origin").asString()).isEqualTo("sync");
        assertThat(entry.at("/provenance/commit").asString()).isEqualTo(cheaper.getName());
        assertThat(entry.get("changedFields").toString()).contains("inputPricePerMTok", "outputPricePerMTok");
        assertThat(Site.read(site.pricingApi(), ROUTE).at("/upstream/commit").asString())
                .as("the route names the commit its prices were read at").isEqualTo(cheaper.getName());
        List<String> pairs = new ArrayList<>(site.pairsOf(MODEL));
        assertThat(pairs).isNotEmpty();
        await().atMost(WAIT).untilAsserted(() -> assertThat(pairs).allSatisfy(pair ->
                assertThat(site.serve(pair).body()).as(pair).contains("$0.02/1M tokens")));
        Figures.record("sync of one upstream commit to the pages of its model (demo site, %d pages): %d ms", pairs.size(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    @Test
    @Order(2)
    void aVisitorSeesTheSyncedPriceInABrowser() throws IOException {
        HeadlessChromium.assumeInstalled();
        String pair = site.pairsOf(MODEL).iterator().next();
        ChromeDriver browser = HeadlessChromium.start();
        try {
            browser.get("http://127.0.0.1:" + site.page.port() + "/compare/" + pair);

            assertThat(browser.findElement(By.tagName("main")).getText()).contains("$0.02/1M tokens");
            Files.write(Path.of("target", "sync-page.png"), browser.getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(3)
    void anEditorsLaterChangeIsNotOverwrittenAndShowsUpAsAConflict() throws Exception {
        JsonNode route = Site.read(site.pricingApi(), ROUTE);
        HttpResponse<String> edit = site.pricingApi().put(ROUTE, """
                {"inputPricePerMTok": 0.03, "outputPricePerMTok": %s, "contextWindow": 131072,
                 "sourceUrl": "https://groq.com/pricing"}""".formatted(route.get("outputPricePerMTok").decimalValue()))
                .as(Site.EDITOR_TOKEN).send();
        assertThat(edit.statusCode()).as(edit.body()).isEqualTo(200);
        RevCommit next = commitPrices("0.025", "0.05");

        String output = sync(upstream.toString(), "sync-3.log");

        assertThat(output).as(output).startsWith("0\n")
                .contains("conflict " + MODEL + "/groq: kept our inputPricePerMTok").contains("1 conflict(s)");
        JsonNode after = Site.read(site.pricingApi(), ROUTE);
        assertThat(after.get("inputPricePerMTok").decimalValue()).as("the editor's price stays").isEqualByComparingTo("0.03");
        assertThat(after.get("outputPricePerMTok").decimalValue()).as("upstream's other change applies").isEqualByComparingTo("0.05");
        assertThat(last(history()).at("/provenance/commit").asString()).isEqualTo(next.getName());
        HttpResponse<String> conflicts = site.pricingApi().get("/api/sync/conflicts").as(Site.OPS_TOKEN).send();
        assertThat(conflicts.statusCode()).as(conflicts.body()).isEqualTo(200);
        JsonNode conflict = Site.JSON.readTree(conflicts.body()).get(0);
        assertThat(conflict.get("modelId").asString()).isEqualTo(MODEL);
        assertThat(conflict.at("/fields/0/ours").asString()).isEqualTo("0.03");
        assertThat(conflict.at("/fields/0/upstream").asString()).isEqualTo("0.025");
        assertThat(conflict.at("/provenance/commit").asString()).isEqualTo(next.getName());
        assertThat(Site.metric(site.pricing, "llmref_sync_conflicts_open")).isEqualTo(1.0);

        String again = sync(upstream.toString(), "sync-4.log");
        assertThat(again).as(again).startsWith("0\n").contains("1 unchanged, 0 changed").contains("1 conflict(s)");
        assertThat(Site.read(site.pricingApi(), ROUTE).get("inputPricePerMTok").decimalValue()).isEqualByComparingTo("0.03");
    }

    @Test
    @Order(4)
    void modelsDevsApiJsonSyncsWithItsUrlAndFetchTime() throws Exception {
        HttpServer server = apiJsonServer("""
                {"groq": {"id": "groq", "name": "Groq", "doc": "https://groq.com/pricing", "env": ["GROQ_API_KEY"],
                  "models": {"%s": {"id": "%s", "name": "Llama 3.3 70B", "family": "llama", "tool_call": true,
                    "open_weights": true, "release_date": "2024-12-06", "cost": {"input": 0.025, "output": 0.06},
                    "limit": {"context": 131072, "output": 32768}, "modalities": {"input": ["text"], "output": ["text"]}}}}}
                """.formatted(MODEL, MODEL));
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/api.json";
        try {
            String output = sync(url, "sync-api-json.log");

            assertThat(output).as(output).startsWith("0\n").contains("1 changed");
            JsonNode entry = last(history());
            assertThat(entry.at("/provenance/url").asString()).isEqualTo(url);
            assertThat(Instant.parse(entry.at("/provenance/fetchedAt").asString())).isBefore(Instant.now().plusSeconds(1));
            JsonNode route = Site.read(site.pricingApi(), ROUTE);
            assertThat(route.get("outputPricePerMTok").decimalValue()).isEqualByComparingTo("0.06");
            assertThat(route.get("inputPricePerMTok").decimalValue()).isEqualByComparingTo("0.03");
        } finally {
            server.stop(0);
        }
    }

    @Test
    @Order(5)
    void badUpstreamsGetAClearMessageAndChangeNothing() throws Exception {
        int historyBefore = history().size();
        JsonNode routeBefore = Site.read(site.pricingApi(), ROUTE);
        Files.createDirectories(temp.resolve("not-models-dev/docs"));
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HttpServer server = apiJsonServer("""
                {"groq": {"name": "Groq", "models": {"%s": {"name": "Llama 3.3 70B", "cost": {"input": "cheap", "output": 0.06}}}}}
                """.formatted(MODEL));
        try {
            assertThat(sync(temp.resolve("not-models-dev").toString(), "sync-bad-tree.log")).startsWith("2\n")
                    .contains("not a models.dev checkout (no providers/ in it)").contains("nothing was changed");
            assertThat(sync("http://127.0.0.1:" + server.getAddress().getPort() + "/api.json", "sync-bad-json.log"))
                    .startsWith("2\n").contains("groq.models." + MODEL + ".cost.input must be a number");
            assertThat(sync("http://127.0.0.1:" + closedPort + "/api.json", "sync-unreachable.log")).startsWith("2\n")
                    .contains("cannot connect to http://127.0.0.1:" + closedPort + "/api.json");
        } finally {
            server.stop(0);
        }
        assertThat(history().size()).isEqualTo(historyBefore);
        assertThat(Site.read(site.pricingApi(), ROUTE)).isEqualTo(routeBefore);
    }

    /** Writes a provider's file of the model with these prices (context 131,072), to commit with others. */
    private void writeRoute(String providerId, String providerName, String input, String output) throws IOException {
        Path models = upstream.resolve("providers/" + providerId + "/models");
        Files.createDirectories(models);
        Files.writeString(upstream.resolve("providers/" + providerId + "/provider.toml"),
                "name = \"" + providerName + "\"\nenv = [\"KEY\"]\nnpm = \"@ai-sdk/openai-compatible\"\n");
        Files.writeString(models.resolve(MODEL + ".toml"), modelFile(input, output));
    }

    private RevCommit commitAll(String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        return git.commit().setMessage(message).setSign(false).call();
    }

    @Test
    @Order(6)
    void aRouteWhoseFileUpstreamDeletedIsWithdrawnFromThePages() throws Exception {
        writeRoute("deepinfra", "DeepInfra", "0.1", "0.32");
        writeRoute("togetherai", "Together AI", "0.88", "0.88");
        commitAll("deepinfra and together serve " + MODEL);
        String listed = sync(upstream.toString(), "sync-listed.log");
        assertThat(listed).as(listed).startsWith("0\n");
        String deepinfra = "/api/models/" + MODEL + "/routes/deepinfra";
        assertThat(Site.read(site.pricingApi(), deepinfra).at("/upstream/path").asString())
                .isEqualTo("providers/deepinfra/models/" + MODEL + ".toml");
        String modelPage = "/models/" + MODEL;
        await().atMost(WAIT).untilAsserted(() -> assertThat(site.pageApi().get(modelPage).send().body()).contains("DeepInfra"));
        Files.delete(upstream.resolve("providers/deepinfra/models/" + MODEL + ".toml"));
        RevCommit removal = commitAll("deepinfra no longer serves " + MODEL);

        String output = sync(upstream.toString(), "sync-withdrawn.log");

        assertThat(output).as(output).startsWith("0\n").contains("1 withdrawn");
        assertThat(site.pricingApi().get(deepinfra).send().statusCode()).isEqualTo(404);
        JsonNode entry = last(Site.read(site.pricingApi(), deepinfra + "/history"));
        assertThat(entry.get("kind").asString()).isEqualTo("withdrawn");
        assertThat(entry.at("/provenance/origin").asString()).isEqualTo("sync");
        assertThat(entry.at("/provenance/commit").asString()).isEqualTo(removal.getName());
        await().atMost(WAIT).untilAsserted(() -> assertThat(site.pageApi().get(modelPage).send().body()).doesNotContain("DeepInfra"));
    }

    @Test
    @Order(7)
    void aRouteAnEditorChangedStaysWhenUpstreamDeletesItsFileAndIsListedAsAConflict() throws Exception {
        // groq's route carries the editor's input price since the conflict above
        Files.delete(upstream.resolve("providers/groq/models/" + MODEL + ".toml"));
        RevCommit removal = commitAll("groq no longer serves " + MODEL);

        String output = sync(upstream.toString(), "sync-kept.log");

        assertThat(output).as(output).startsWith("0\n").contains("conflict " + MODEL + "/groq: upstream withdrew it")
                .contains("0 withdrawn");
        assertThat(Site.read(site.pricingApi(), ROUTE).get("inputPricePerMTok").decimalValue()).isEqualByComparingTo("0.03");
        HttpResponse<String> conflicts = site.pricingApi().get("/api/sync/conflicts").as(Site.OPS_TOKEN).send();
        JsonNode conflict = null;
        for (JsonNode each : Site.JSON.readTree(conflicts.body())) {
            if (each.get("providerId").asString().equals("groq")) {
                conflict = each;
            }
        }
        assertThat(conflict).as(conflicts.body()).isNotNull();
        assertThat(conflict.at("/fields/0/field").asString()).isEqualTo("route");
        assertThat(conflict.at("/fields/0/upstream").asString()).isEqualTo("withdrawn");
        assertThat(conflict.at("/provenance/commit").asString()).isEqualTo(removal.getName());
    }

    private static HttpServer apiJsonServer(String json) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api.json", exchange -> {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }
}
