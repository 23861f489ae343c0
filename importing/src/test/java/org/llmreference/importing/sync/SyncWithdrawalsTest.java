package org.llmreference.importing.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.llmreference.contracts.pricing.RouteStatus;
import org.llmreference.contracts.pricing.UpstreamSource;
import org.llmreference.importing.bundle.CatalogBundle;
import org.llmreference.importing.bundle.RouteEntry;

import com.sun.net.httpserver.HttpServer;

/**
 * The sync's withdrawals, against a stand-in pricing API: a route of ours that came from upstream
 * and is no longer listed is withdrawn with the sync's provenance; an editor's own route is left
 * alone; and a source that lost more routes than the limit withdraws nothing.
 */
class SyncWithdrawalsTest {

    static final String COMMIT = "3333333333333333333333333333333333333333";

    private HttpServer server;
    /** The routes JSON of each model, as pricing-service answers {@code GET /api/models/{id}/routes}. */
    private final Map<String, String> priceLists = new ConcurrentHashMap<>();
    /** Each withdrawal asked for: path, then its provenance headers. */
    private final List<String> withdrawals = java.util.Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/models/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String modelId = path.split("/")[3];
            int status;
            String body;
            if (exchange.getRequestMethod().equals("GET")) {
                body = priceLists.get(modelId);
                status = body == null ? 404 : 200;
                body = body == null ? "{}" : body;
            } else if (exchange.getRequestMethod().equals("DELETE")) {
                withdrawals.add(path + " " + exchange.getRequestHeaders().getFirst("X-Llmref-Origin") + " "
                        + exchange.getRequestHeaders().getFirst("X-Llmref-Upstream-Commit"));
                status = 200;
                if (path.endsWith("/edited")) {
                    exchange.getResponseHeaders().add("X-Llmref-Sync-Conflict", "route");
                } else {
                    exchange.getResponseHeaders().add("X-Caused-By", "event-1");
                }
                body = "{}";
            } else {
                status = 200;
                body = "{}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static String route(String providerId, String price, String upstream, String origin) {
        return "{\"providerId\": \"" + providerId + "\", \"providerName\": \"" + providerId + "\", \"inputPricePerMTok\": "
                + price + ", \"outputPricePerMTok\": 1, \"status\": \"active\", \"effectiveFrom\": \"2026-11-01T00:00:00Z\""
                + (upstream == null ? "" : ", \"upstream\": {\"providerModelId\": \"m\", \"path\": \"" + upstream + "\"}")
                + ", \"history\": [{\"effectiveFrom\": \"2026-11-01T00:00:00Z\", \"inputPricePerMTok\": " + price
                + ", \"outputPricePerMTok\": 1, \"origin\": \"" + origin + "\"}]}";
    }

    private static RouteEntry entry(String modelId, String providerId, String price, String path) {
        return new RouteEntry(modelId, providerId, new BigDecimal(price), BigDecimal.ONE, null, null, null, null, List.of(),
                null, null, RouteStatus.ACTIVE, null, LocalDate.of(2026, 11, 1),
                new UpstreamSource("m", path, null, null, List.of()));
    }

    private UpstreamSync.Report sync(List<RouteEntry> upstreamRoutes, Integer limit, List<String> out) {
        PricingApi api = new PricingApi(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "t");
        Upstream upstream = new Upstream(new CatalogBundle("test", List.of(), List.of(), upstreamRoutes), COMMIT, null,
                Instant.parse("2026-12-01T00:00:00Z"));
        return new UpstreamSync(api, 1, limit).run(upstream, out::add);
    }

    @Test
    void aRouteNoLongerListedUpstreamIsWithdrawnAndAnEditorsOwnRouteIsLeftAlone() {
        priceLists.put("alpha", "{\"routes\": [" + route("kept", "1", "providers/kept/models/m.toml", "import") + ", "
                + route("gone", "1", "providers/gone/models/m.toml", "import") + ", "
                + route("edited", "0.5", null, "editor").replace("\"origin\": \"editor\"}]",
                        "\"origin\": \"import\"}, {\"effectiveFrom\": \"2026-11-02T00:00:00Z\", \"inputPricePerMTok\": 0.5, "
                                + "\"outputPricePerMTok\": 1, \"origin\": \"editor\"}]")
                + ", " + route("ours", "2", null, "editor") + "]}");
        List<String> out = new ArrayList<>();

        UpstreamSync.Report report = sync(List.of(entry("alpha", "kept", "1", "providers/kept/models/m.toml")), null, out);

        assertThat(withdrawals).containsExactlyInAnyOrder(
                "/api/models/alpha/routes/gone sync " + COMMIT,
                "/api/models/alpha/routes/edited sync " + COMMIT);
        assertThat(report.withdrawn()).isEqualTo(1);
        assertThat(report.conflicts()).as("the editor-changed route stays, as a conflict").isEqualTo(1);
        assertThat(report.unchanged()).isEqualTo(1);
        assertThat(out).anyMatch(line -> line.startsWith("conflict alpha/edited: upstream withdrew it"));
        assertThat(report.toString()).contains("1 withdrawn");
    }

    @Test
    void aSourceThatLostMoreRoutesThanTheLimitWithdrawsNothing() {
        StringBuilder routes = new StringBuilder();
        List<RouteEntry> listed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            routes.append(i == 0 ? "" : ", ").append(route("p" + i, "1", "providers/p" + i + "/models/m.toml", "import"));
        }
        priceLists.put("beta", "{\"routes\": [" + routes + "]}");
        listed.add(entry("beta", "p0", "1", "providers/p0/models/m.toml"));
        List<String> out = new ArrayList<>();

        UpstreamSync.Report report = sync(listed, 3, out);

        assertThat(withdrawals).isEmpty();
        assertThat(report.withheld()).isEqualTo(4);
        assertThat(report.withdrawn()).isZero();
        assertThat(out).anyMatch(line -> line.startsWith("withheld: upstream no longer lists 4 of our routes")
                && line.contains("--max-withdrawals 4"));

        sync(listed, 4, new ArrayList<>());
        assertThat(withdrawals).as("allowed with a higher limit").hasSize(4);
    }

    @Test
    void theDefaultLimitIsFivePercentAndAtLeastTen() {
        assertThat(UpstreamSync.withdrawalLimit(0)).isEqualTo(10);
        assertThat(UpstreamSync.withdrawalLimit(4_743)).isEqualTo(237);
    }

    @Test
    void aRenamedUpstreamFileIsAChangeButANewCommitOfTheSameFileIsNot() {
        UpstreamSource ours = new UpstreamSource("m", "providers/a/models/m.toml", "1111111", null, List.of());
        assertThat(UpstreamSync.sameSource(ours, new UpstreamSource("m", "providers/a/models/m.toml", "2222222", null,
                List.of()))).isTrue();
        assertThat(UpstreamSync.sameSource(ours, new UpstreamSource("m", "providers/a/models/m2.toml", null, null,
                List.of()))).isFalse();
        assertThat(UpstreamSync.sameSource(null, new UpstreamSource("m", "providers/a/models/m.toml", null, null,
                List.of()))).isFalse();
        assertThat(UpstreamSync.sameSource(ours, null)).as("an api.json names no files").isTrue();
    }
}
