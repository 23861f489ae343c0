package org.llmreference.importing.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmreference.importing.bundle.CatalogBundle;
import org.llmreference.importing.bundle.RouteEntry;
import org.llmreference.importing.modelsdev.FixtureTree;

import com.sun.net.httpserver.HttpServer;

/** Where the sync reads upstream: a git checkout (its HEAD commit) or models.dev's api.json over HTTP. */
class UpstreamSourcesTest {

    static final String API_JSON = """
            {"groq": {"id": "groq", "name": "Groq", "doc": "console.groq.com/docs/models", "env": ["GROQ_API_KEY"],
              "models": {"openai/gpt-oss-120b": {"id": "openai/gpt-oss-120b", "name": "GPT OSS 120B", "family": "gpt-oss",
                "reasoning": true, "tool_call": true, "open_weights": true, "release_date": "2025-08-05", "knowledge": null,
                "cost": {"input": 0.15, "output": 0.6, "cache_read": 0.075},
                "limit": {"context": 131072, "output": 65536},
                "modalities": {"input": ["text"], "output": ["text"]}}}}}
            """;

    static RouteEntry route(CatalogBundle bundle, String modelId, String providerId) {
        return bundle.routes().stream().filter(r -> r.modelId().equals(modelId) && r.providerId().equals(providerId))
                .findFirst().orElseThrow(() -> new AssertionError("no route " + modelId + "@" + providerId + " in "
                        + bundle.routes().stream().map(r -> r.modelId() + "@" + r.providerId()).toList()));
    }

    @Test
    void anApiJsonGivesTheRoutesOfTheTreeItWasCompiledFrom(@TempDir Path dir) throws Exception {
        Path tree = FixtureTree.copyTo(dir.resolve("tree"));
        RouteEntry fromTree = route(CheckoutSource.read(tree, "abcdef1", line -> { }).bundle(), "gpt-oss-120b", "groq");

        CatalogBundle fromJson = ApiJsonSource.read(API_JSON.getBytes(StandardCharsets.UTF_8), "test",
                LocalDate.of(2026, 12, 4), line -> { });

        RouteEntry route = route(fromJson, "gpt-oss-120b", "groq");
        assertThat(route.inputPricePerMTok()).isEqualByComparingTo("0.15");
        assertThat(route.outputPricePerMTok()).isEqualByComparingTo("0.6");
        assertThat(route.cachedInputPricePerMTok()).isEqualByComparingTo("0.075");
        assertThat(route.contextWindow()).isEqualTo(131_072);
        assertThat(route.verifiedAt()).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(UpstreamSync.same(route.terms(), fromTree.terms())).as("the same terms as the tree's file").isTrue();
        assertThat(fromJson.models()).extracting(m -> m.id()).contains("gpt-oss-120b");
    }

    @Test
    void anApiJsonWithWrongTypesIsRefusedNamingWhere() {
        assertThatThrownBy(() -> read(API_JSON.replace("\"input\": 0.15", "\"input\": \"0.15\"")))
                .hasMessageContaining("groq.models.openai/gpt-oss-120b.cost.input must be a number");
        assertThatThrownBy(() -> read(API_JSON.replace("\"context\": 131072", "\"context\": 1.5")))
                .hasMessageContaining("limit.context must be a whole number");
        assertThatThrownBy(() -> read(API_JSON.replace("\"name\": \"Groq\"", "\"name\": 7")))
                .hasMessageContaining("groq.name must be a string");
        assertThatThrownBy(() -> read("[1, 2]")).hasMessageContaining("must be an object of providers");
        assertThatThrownBy(() -> read("{\"groq\": {\"name\": \"Groq\"}}")).hasMessageContaining("groq.models is missing");
        assertThatThrownBy(() -> read(API_JSON.replace("\"openai/gpt-oss-120b\": {", "\"../../x\": {")))
                .hasMessageContaining("is not an id models.dev uses");
        assertThatThrownBy(() -> read("{not json")).hasMessageContaining("is not JSON");
    }

    private static CatalogBundle read(String json) {
        return ApiJsonSource.read(json.getBytes(StandardCharsets.UTF_8), "test", LocalDate.of(2026, 12, 4), line -> { });
    }

    @Test
    void aCheckoutIsReadAtItsHeadCommitWithTheCommitDateAsVerifiedAt(@TempDir Path dir) throws Exception {
        Path tree = FixtureTree.copyTo(dir.resolve("checkout"));
        RevCommit commit;
        try (Git git = Git.init().setDirectory(tree.toFile()).setInitialBranch("dev").call()) {
            git.add().addFilepattern(".").call();
            PersonIdent author = new PersonIdent("Upstream", "upstream@example.org",
                    Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC);
            commit = git.commit().setMessage("prices").setAuthor(author).setCommitter(author).setSign(false).call();
        }

        Upstream upstream = CheckoutSource.read(tree, null, line -> { });

        assertThat(upstream.commit()).isEqualTo(commit.getName());
        assertThat(upstream.fetchedAt()).isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
        assertThat(route(upstream.bundle(), "gpt-oss-120b", "groq").verifiedAt()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThatThrownBy(() -> CheckoutSource.read(tree, "0000000", line -> { }))
                .hasMessageContaining("is at commit " + commit.getName());
    }

    @Test
    void aWatchingSyncLeavesACheckoutStillAtTheCommitItSyncedLast(@TempDir Path dir) throws Exception {
        Path tree = FixtureTree.copyTo(dir.resolve("checkout"));
        String head;
        try (Git git = Git.init().setDirectory(tree.toFile()).setInitialBranch("dev").call()) {
            git.add().addFilepattern(".").call();
            head = git.commit().setMessage("prices").setAuthor("Upstream", "upstream@example.org").setSign(false).call()
                    .getName();
        }
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SyncOptions options = SyncOptions.parse(new String[] { tree.toString(), "--watch", "--token", "t", "--pricing",
                "http://127.0.0.1:" + closedPort }, Map.of());
        UpstreamSync sync = new UpstreamSync(new PricingApi(options.pricing(), options.token()), 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        SyncCommand.Run same = SyncCommand.once(options, sync, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC(), head);
        SyncCommand.Run next = SyncCommand.once(options, sync, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC(), "0123456789abcdef");

        assertThat(same).isEqualTo(new SyncCommand.Run(SyncCommand.OK, head));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("upstream is still at commit " + head.substring(0, 12));
        assertThat(next.code()).as("a new commit is compared: pricing-service is asked, and here it is down")
                .isEqualTo(SyncCommand.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot connect to pricing-service");
    }

    @Test
    void aFolderThatIsNotAModelsDevTreeOrHasNoCommitIsRefused(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("docs"));
        assertThatThrownBy(() -> CheckoutSource.read(dir, null, line -> { }))
                .hasMessageContaining("not a models.dev checkout (no providers/ in it)");
        Path tree = FixtureTree.copyTo(dir.resolve("copy"));
        assertThatThrownBy(() -> CheckoutSource.read(tree, null, line -> { }))
                .hasMessageContaining("is not a git checkout").hasMessageContaining("--commit");
    }

    @Test
    void theCommandSaysWhatIsWrongWithItsUpstreamAndSendsNothing(@TempDir Path dir) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api.json", exchange -> {
            byte[] body = API_JSON.replace("\"output\": 0.6", "\"output\": [0.6]").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            // pricing-service on a closed port: a sync that got as far as sending would fail with exit code 1, not 2.
            String pricing = "http://127.0.0.1:" + closedPort;
            assertThat(command("http://127.0.0.1:" + closedPort + "/api.json", pricing))
                    .startsWith("2:").contains("cannot connect to http://127.0.0.1:" + closedPort + "/api.json")
                    .contains("nothing was changed");
            assertThat(command("http://127.0.0.1:" + server.getAddress().getPort() + "/api.json", pricing))
                    .startsWith("2:").contains("cost.output must be a number");
            assertThat(command(dir.toString(), pricing)).startsWith("2:").contains("not a models.dev checkout");
            assertThat(command("ftp://example.org/api.json", pricing)).startsWith("2:").contains("http(s) URL");
        } finally {
            server.stop(0);
        }
    }

    /** Runs the command; its exit code, a colon, and what it wrote to stderr. */
    private static String command(String upstream, String pricing) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SyncCommand.run(new String[] { upstream, "--pricing", pricing, "--token", "t" },
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), Clock.systemUTC());
        return code + ":" + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void optionsReadIntervalsAndRefuseWhatTheyCannotRun() {
        assertThat(SyncOptions.parse(new String[] { "tree", "--watch", "--token", "t" }, Map.of()).every())
                .isEqualTo(SyncOptions.DEFAULT_INTERVAL);
        assertThat(SyncOptions.parse(new String[] { "tree", "--every", "90s" }, Map.of("LLMREF_EDITOR_TOKEN", "t")).every())
                .hasSeconds(90);
        assertThat(SyncOptions.parse(new String[] { "https://models.dev/api.json", "--token", "t" }, Map.of()).url())
                .isEqualTo(URI.create("https://models.dev/api.json"));
        assertThatThrownBy(() -> SyncOptions.parse(new String[] { "tree", "--every", "soon", "--token", "t" }, Map.of()))
                .hasMessageContaining("--every needs a duration");
        assertThatThrownBy(() -> SyncOptions.parse(new String[] { "tree" }, Map.of()))
                .hasMessageContaining("missing editor token");
        assertThatThrownBy(() -> SyncOptions.parse(new String[] { "tree", "--commit", "HEAD", "--token", "t" }, Map.of()))
                .hasMessageContaining("--commit needs a git commit id");
    }
}
