package org.llmreference.importing.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmreference.importing.bundle.Bundles;
import org.llmreference.importing.bundle.CatalogBundle;
import org.llmreference.importing.bundle.ImportReport;
import org.llmreference.importing.modelsdev.FixtureTree;

class ImportCommandTest {

    static final Map<String, String> NO_ENV = Map.of();

    @TempDir
    Path tmp;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(Map<String, String> env, String... args) {
        return ImportCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env);
    }

    @Test
    void usesTheDocumentedDefaults() {
        ImportOptions options = ImportOptions.parse(new String[] {"import", "catalog.json"}, Map.of("LLMREF_EDITOR_TOKEN", "t0k"));
        assertThat(options.source()).isEqualTo(Path.of("catalog.json"));
        assertThat(options.catalog()).isEqualTo(URI.create("http://localhost:8081"));
        assertThat(options.pricing()).isEqualTo(URI.create("http://localhost:8082"));
        assertThat(options.token()).isEqualTo("t0k");
        assertThat(options.chunk()).isEqualTo(500);
        assertThat(options.waitForModels()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.out()).isNull();
    }

    @Test
    void readsEveryOption() {
        ImportOptions options = ImportOptions.parse(new String[] {"--catalog", "http://cat:9/", "--pricing", "https://price",
                "--token", "abc", "--chunk", "50", "--wait-for-models", "5", "--data-date", "2026-07-02", "--demo"}, NO_ENV);
        assertThat(options.demo()).isTrue();
        assertThat(options.catalog()).isEqualTo(URI.create("http://cat:9"));
        assertThat(options.pricing()).isEqualTo(URI.create("https://price"));
        assertThat(options.token()).isEqualTo("abc");
        assertThat(options.chunk()).isEqualTo(50);
        assertThat(options.waitForModels()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void refusesToUploadWithoutATokenWithExitCode2() {
        assertThat(run(NO_ENV, "--demo")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("missing editor token", "LLMREF_EDITOR_TOKEN");
    }

    @Test
    void refusesBadArguments() {
        assertThatThrownBy(() -> ImportOptions.parse(new String[] {"--chunk", "0", "--demo"}, NO_ENV))
                .hasMessageContaining("--chunk");
        assertThatThrownBy(() -> ImportOptions.parse(new String[] {"--catalog", "localhost:8081", "--demo"}, NO_ENV))
                .hasMessageContaining("http(s) URL");
        assertThatThrownBy(() -> ImportOptions.parse(new String[] {"--token"}, NO_ENV)).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> ImportOptions.parse(new String[] {"a.json", "--demo", "--token", "t"}, NO_ENV))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> ImportOptions.parse(new String[] {"--demo", "--curate", "gpt-oss-20b"}, NO_ENV))
                .hasMessageContaining("two model ids joined by -vs-");
        assertThat(run(NO_ENV, "--frobnicate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --frobnicate");
    }

    @Test
    void printsHelp() {
        assertThat(run(NO_ENV, "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--wait-for-models", "--out", "Exit codes");
    }

    @Test
    void convertsAModelsDevCheckoutToABundleFileWithoutAToken() {
        Path tree = FixtureTree.copyTo(tmp.resolve("models.dev"));
        Path bundleFile = tmp.resolve("out/bundle.json");
        assertThat(run(NO_ENV, "import", tree.toString(), "--out", bundleFile.toString())).isZero();
        CatalogBundle written = Bundles.read(bundleFile);
        assertThat(written.models()).extracting(m -> m.id()).contains("gpt-oss-20b", "qwen3.5-397b-a17b");
        assertThat(written.routes()).isNotEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("wrote " + bundleFile);
    }

    @Test
    void convertsTheDemoCatalog() {
        Path bundleFile = tmp.resolve("demo.json");
        assertThat(run(NO_ENV, "--demo", "--out", bundleFile.toString())).isZero();
        assertThat(Bundles.read(bundleFile).models()).extracting(m -> m.id()).contains("gpt-oss-20b", "qwen3.5-4b");
    }

    @Test
    void writesTheHistoryOfAModelsDevRepositoryWithoutAToken() throws Exception {
        Path repository = FixtureTree.copyTo(tmp.resolve("history-repo"));
        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.init().setDirectory(repository.toFile())
                .setInitialBranch("dev").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("snapshot").setSign(false).call();
        }
        Path historyFile = tmp.resolve("history.json");

        assertThat(run(NO_ENV, "import", "--history", repository.toString(), "--out", historyFile.toString())).isZero();

        org.llmreference.importing.bundle.HistoryBundle written = Bundles.mapper().readValue(historyFile.toFile(),
                org.llmreference.importing.bundle.HistoryBundle.class);
        assertThat(written.steps()).isNotEmpty().allSatisfy(step -> assertThat(step.kind()).isEqualTo("applied"));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("models.dev history: 1 commits", "wrote " + historyFile);
    }

    @Test
    void refusesAHistorySourceThatIsNotAGitRepositoryWithExitCode2() {
        Path tree = FixtureTree.copyTo(tmp.resolve("no-git"));

        assertThat(run(NO_ENV, "--history", tree.toString(), "--out", tmp.resolve("h.json").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not a git repository");
        assertThat(run(NO_ENV, "--history", "--demo", "--out", tmp.resolve("h.json").toString())).isEqualTo(2);
    }

    @Test
    void failsWithExitCode2OnAMissingSource() {
        assertThat(run(NO_ENV, tmp.resolve("nope.json").toString(), "--out", tmp.resolve("x.json").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("does not exist");
    }

    @Test
    void namesTheUrlWhenTheServiceIsNotRunning() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertThat(run(NO_ENV, "--demo", "--token", "t", "--catalog", "http://localhost:" + port)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("http://localhost:" + port + "/api/import", "catalog-service");
    }

    @Test
    void acceptsOneReportOrAListOfReports() throws Exception {
        URI uri = URI.create("http://x/api/import");
        assertThat(ImportClient.reports("""
                {"target":"models","received":2,"created":1,"changed":0,"unchanged":1,"rejected":[]}""", uri))
                .containsExactly(new ImportReport("models", 2, 1, 0, 1, null));
        assertThat(ImportClient.reports("""
                [{"target":"providers","received":1,"created":1,"changed":0,"unchanged":0,"rejected":[]},
                 {"target":"routes","received":3,"created":2,"changed":0,"unchanged":0,
                  "rejected":[{"id":"x/y","field":"inputPricePerMTok","rule":"range","message":"too high"}],"extra":true}]""", uri))
                .extracting(ImportReport::target).containsExactly("providers", "routes");
    }
}
