package org.llmreference.importing.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.llmreference.importing.bundle.Bundles;
import org.llmreference.importing.bundle.CatalogBundle;
import org.llmreference.importing.bundle.RouteEntry;
import org.llmreference.importing.demo.DemoCatalog;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The upload against an in-process stand-in for the two import endpoints (JDK HttpServer, no Spring). */
class UploaderTest {

    record Received(String path, String query, String authorization, String contentType, CatalogBundle bundle) {
    }

    HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    volatile int status = 200;
    volatile String rejectedModel = "none";
    final List<String> curations = new CopyOnWriteArrayList<>();
    final List<String> runs = new CopyOnWriteArrayList<>();
    volatile int unknownModelAnswers = 0;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/import", this::answer);
        server.createContext("/api/imports", this::startRun);
        server.createContext("/api/pairs/", this::curate);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        CatalogBundle bundle = Bundles.read(exchange.getRequestBody());
        received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestURI().getQuery(),
                exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("Content-Type"),
                bundle));
        String body;
        if (status != 200) {
            body = "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,\"detail\":\"token lacks the editor role\"}";
        } else if (!bundle.models().isEmpty()) {
            body = report("models", bundle.models().size(), bundle.models().stream().anyMatch(m -> m.id().equals(rejectedModel))
                    ? "[{\"id\":\"" + rejectedModel + "\",\"field\":\"name\",\"rule\":\"required\",\"message\":\"is required\"}]"
                    : "[]");
        } else {
            body = "[" + report("providers", bundle.providers().size(), "[]") + ","
                    + report("routes", bundle.routes().size(),
                            "[{\"id\":\"gpt-oss-20b/nvidia\",\"field\":\"inputPricePerMTok\",\"rule\":\"max\",\"message\":\"too high\"}]")
                    + "]";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** {@code POST /api/imports}: remembers what the run announced and answers its id. */
    private void startRun(HttpExchange exchange) throws IOException {
        runs.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        byte[] bytes = (status == 201 || status == 200 ? "{\"importId\":\"run-1\",\"expected\":14}"
                : "{\"status\":403,\"detail\":\"token lacks the editor role\"}").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status == 200 ? 201 : status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** Answers 422 (models not known yet) to the first {@code unknownModelAnswers} curations, then 201. */
    private void curate(HttpExchange exchange) throws IOException {
        curations.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                + exchange.getRequestHeaders().getFirst("Authorization"));
        boolean known = curations.size() > unknownModelAnswers;
        byte[] bytes = (known ? "{}" : "{\"status\":422,\"detail\":\"model gpt-oss-20b is not in the catalog\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(known ? 201 : 422, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String report(String target, int n, String rejected) {
        return "{\"target\":\"" + target + "\",\"received\":" + n + ",\"created\":" + n
                + ",\"changed\":0,\"unchanged\":0,\"rejected\":" + rejected + "}";
    }

    int run(String... args) {
        return ImportCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("LLMREF_EDITOR_TOKEN", "editor-token"));
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void sendsModelsInChunksToCatalogAndTheRoutesOfEachChunkToPricingOnceTheCatalogTookIt() {
        int exit = run("--demo", "--catalog", base(), "--pricing", base(), "--chunk", "10", "--wait-for-models", "7");

        assertThat(exit).isZero();
        List<Received> models = received.stream().filter(r -> !r.bundle().models().isEmpty()).toList();
        List<Received> pricing = received.stream().filter(r -> r.bundle().models().isEmpty()).toList();
        assertThat(models).extracting(r -> r.bundle().models().size()).containsExactly(10, 4);
        assertThat(models).allSatisfy(r -> assertThat(r.bundle().routes()).isEmpty());
        CatalogBundle demo = DemoCatalog.load();
        assertThat(pricing.stream().flatMap(r -> r.bundle().routes().stream()).toList())
                .containsExactlyInAnyOrderElementsOf(demo.routes());
        for (Received request : pricing) {
            Set<String> priced = request.bundle().routes().stream().map(RouteEntry::modelId).collect(Collectors.toSet());
            assertThat(request.bundle().routes().size() <= 10 || priced.size() == 1).as("at most 10 routes, or one model").isTrue();
            for (String modelId : priced) {
                assertThat(pricing).filteredOn(other -> other != request)
                        .noneMatch(other -> other.bundle().routes().stream().anyMatch(r -> r.modelId().equals(modelId)));
                Received catalogRequest = models.stream()
                        .filter(m -> m.bundle().models().stream().anyMatch(model -> model.id().equals(modelId)))
                        .findFirst().orElseThrow();
                assertThat(received.indexOf(request)).as("routes of %s after the catalog took it", modelId)
                        .isGreaterThan(received.indexOf(catalogRequest));
            }
        }
        assertThat(pricing.get(0).bundle().providers()).hasSize(15);
        assertThat(pricing.subList(1, pricing.size())).allSatisfy(r -> assertThat(r.bundle().providers()).isEmpty());
        assertThat(pricing).allSatisfy(r -> assertThat(r.query()).isEqualTo("waitForModelsSeconds=7"));
        assertThat(runs).singleElement()
                .satisfies(run -> assertThat(Bundles.mapper().readTree(run).path("expected").asInt()).isEqualTo(14));
        assertThat(models).allSatisfy(r -> assertThat(r.query()).isEqualTo("importId=run-1"));
        assertThat(received).allSatisfy(r -> {
            assertThat(r.authorization()).isEqualTo("Bearer editor-token");
            assertThat(r.contentType()).isEqualTo("application/json");
        });
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("models 10/14: created 10, changed 0, unchanged 0, rejected 0")
                .contains("routes 41/41: created")
                .contains(pricing.size() + " rejected:")
                .contains("gpt-oss-20b/nvidia  inputPricePerMTok  max: too high")
                .contains("done in");
    }

    @Test
    void theRoutesOfAModelTheCatalogRejectedGoLastAndWaitForNothing() {
        rejectedModel = "gpt-oss-20b";

        assertThat(run("--demo", "--catalog", base(), "--pricing", base(), "--chunk", "10")).isZero();

        Received last = received.get(received.size() - 1);
        assertThat(last.query()).isEqualTo("waitForModelsSeconds=0");
        assertThat(last.bundle().routes()).isNotEmpty().allSatisfy(r -> assertThat(r.modelId()).isEqualTo("gpt-oss-20b"));
        assertThat(received.subList(0, received.size() - 1)).allSatisfy(r -> {
            assertThat(r.bundle().routes()).noneMatch(route -> route.modelId().equals("gpt-oss-20b"));
            assertThat(r.query()).isNotEqualTo("waitForModelsSeconds=0");
        });
    }

    @Test
    void printsTheProblemAndExitsWith1WhenTheServiceRefuses() {
        status = 403;
        assertThat(run("--demo", "--catalog", base(), "--pricing", base())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("answered 403", "token lacks the editor role");
        // The first request (announcing the run) was refused: nothing more was sent.
        assertThat(runs).hasSize(1);
        assertThat(received).isEmpty();
    }

    @Test
    void curatesTheBundlesPairsLastAskingAgainWhileComparisonServiceDoesNotKnowTheModelsYet() {
        unknownModelAnswers = 2;

        assertThat(run("--demo", "--curate", "gpt-oss-20b-vs-qwen3.5-4b", "--catalog", base(), "--pricing", base(),
                "--comparison", base(), "--wait-for-models", "30")).isZero();

        assertThat(curations).hasSize(3)
                .allSatisfy(c -> assertThat(c).isEqualTo("PUT /api/pairs/gpt-oss-20b-vs-qwen3.5-4b Bearer editor-token"));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("pair gpt-oss-20b-vs-qwen3.5-4b: curated");
    }

    @Test
    void failsWithTheProblemWhenAPairCannotBeCuratedInTime() {
        unknownModelAnswers = Integer.MAX_VALUE;

        assertThat(run("--demo", "--curate", "gpt-oss-20b-vs-qwen3.5-4b", "--catalog", base(), "--pricing", base(),
                "--comparison", base(), "--wait-for-models", "0")).isEqualTo(1);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("answered 422", "is not in the catalog");
    }
}
