package org.llmreference.importing.modelsdev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmreference.importing.bundle.HistoryBundle.Step;

/** The history read from a small models.dev repository the test writes commit by commit. */
class ModelsDevHistoryTest {

    @TempDir
    Path root;

    Git git;

    @BeforeEach
    void startRepository() throws Exception {
        git = Git.init().setDirectory(root.toFile()).setInitialBranch("dev").call();
    }

    @AfterEach
    void close() {
        git.close();
    }

    private static String[] model(String name, String input, String output) {
        return HandMadeTree.textModel(name, input, output, 131_072);
    }

    private ModelsDevHistoryTest write(String path, String... lines) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Files.writeString(file, String.join("\n", lines) + "\n");
        return this;
    }

    private ModelsDevHistoryTest link(String path, String target) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.createSymbolicLink(file, Path.of(target));
        return this;
    }

    private String commit(String day) throws Exception {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        PersonIdent when = new PersonIdent("Upstream", "upstream@example.org", Instant.parse(day + "T12:00:00Z"), ZoneOffset.UTC);
        return git.commit().setMessage("prices of " + day).setAuthor(when).setCommitter(when).setSign(false).call().getName();
    }

    private void move(String from, String to) throws Exception {
        Files.createDirectories(root.resolve(to).getParent());
        Files.move(root.resolve(from), root.resolve(to));
    }

    private void firstCommit() throws Exception {
        write("providers/acme/provider.toml", "name = \"Acme\"");
        write("providers/other/provider.toml", "name = \"Other\"");
        write("providers/acme/models/alpha.toml", model("Alpha", "1", "2"));
        link("providers/other/models/alpha.toml", "../../acme/models/alpha.toml");
        write("models/lab/beta.toml", "name = \"Beta\"", "[cost]", "input = 5", "output = 6", "[modalities]",
                "input = [\"text\"]", "output = [\"text\"]", "[limit]", "context = 65536", "output = 4096");
        write("providers/acme/models/beta.toml", "base_model = \"lab/beta\"");
        write("providers/acme/models/delta.toml", model("Delta", "0.3", "0.9"));
        write("providers/acme/models/gamma.toml", model("Gamma", "1", "1"));
        write("providers/other/models/gamma.toml", model("Gamma", "2", "2"));
        commit("2025-01-01");
    }

    private ModelsDevHistory.Result read() {
        return ModelsDevHistory.read(root, line -> { });
    }

    private static List<String> prices(ModelsDevHistory.Result result, String modelId, String providerId) {
        return result.history().steps().stream()
                .filter(s -> s.route().modelId().equals(modelId) && s.route().providerId().equals(providerId))
                .map(s -> s.at().toString().substring(0, 10) + " " + s.kind() + " " + plain(s.route().inputPricePerMTok())
                        + "/" + plain(s.route().outputPricePerMTok()))
                .toList();
    }

    private static String plain(BigDecimal price) {
        return price == null ? "-" : price.toPlainString();
    }

    @Test
    void recordsEachDatedPriceOfARouteAndNothingForCommitsThatKeepIt() throws Exception {
        firstCommit();
        write("providers/acme/models/alpha.toml", model("Alpha", "0.5", "2"));
        String cheaper = commit("2025-02-01");
        write("providers/acme/models/alpha.toml", model("Alpha (new name)", "0.5", "2"));
        commit("2025-03-01");

        ModelsDevHistory.Result result = read();

        assertThat(prices(result, "alpha", "acme")).containsExactly("2025-01-01 applied 1/2", "2025-02-01 applied 0.5/2");
        Step step = result.history().steps().stream().filter(s -> s.commit().equals(cheaper)
                && s.route().providerId().equals("acme")).findFirst().orElseThrow();
        assertThat(step.at()).isEqualTo(Instant.parse("2025-02-01T12:00:00Z"));
        assertThat(step.path()).isEqualTo("providers/acme/models/alpha.toml");
        assertThat(result.figures().commits()).isEqualTo(3);
        assertThat(result.figures().priceChanges()).isEqualTo(2); // acme's alpha, and other's through its symlink
    }

    @Test
    void aSymlinkedRouteChangesWithTheFileItPointsTo() throws Exception {
        firstCommit();
        write("providers/acme/models/alpha.toml", model("Alpha", "0.5", "2"));
        commit("2025-02-01");

        assertThat(prices(read(), "alpha", "other")).containsExactly("2025-01-01 applied 1/2", "2025-02-01 applied 0.5/2");
    }

    @Test
    void aBaseModelChangeReachesTheRoutesThatInheritFromIt() throws Exception {
        firstCommit();
        write("models/lab/beta.toml", "name = \"Beta\"", "[cost]", "input = 4", "output = 6", "[modalities]",
                "input = [\"text\"]", "output = [\"text\"]", "[limit]", "context = 65536", "output = 4096");
        commit("2025-04-01");

        assertThat(prices(read(), "beta", "acme")).containsExactly("2025-01-01 applied 5/6", "2025-04-01 applied 4/6");
    }

    @Test
    void followsAFileRenamedUpstreamAsTheSameRoute() throws Exception {
        firstCommit();
        move("providers/acme/models/delta.toml", "providers/acme/models/vendor/delta.toml");
        commit("2025-03-01");
        write("providers/acme/models/vendor/delta.toml", model("Delta", "0.25", "0.9"));
        commit("2025-05-01");

        ModelsDevHistory.Result result = read();

        assertThat(prices(result, "delta", "acme")).containsExactly("2025-01-01 applied 0.3/0.9", "2025-05-01 applied 0.25/0.9");
        assertThat(result.history().steps().stream().filter(s -> s.route().modelId().equals("delta")).map(Step::path))
                .containsExactly("providers/acme/models/delta.toml", "providers/acme/models/vendor/delta.toml");
        assertThat(result.figures().renamesFollowed()).isEqualTo(1);
    }

    @Test
    void aRouteRemovedUpstreamIsWithdrawnAtThatCommit() throws Exception {
        firstCommit();
        Files.delete(root.resolve("providers/acme/models/gamma.toml"));
        String removal = commit("2025-06-01");

        ModelsDevHistory.Result result = read();

        assertThat(prices(result, "gamma", "acme")).containsExactly("2025-01-01 applied 1/1", "2025-06-01 withdrawn 1/1");
        assertThat(result.history().steps()).filteredOn(s -> s.kind().equals("withdrawn")).singleElement()
                .satisfies(s -> assertThat(s.commit()).isEqualTo(removal));
        assertThat(prices(result, "gamma", "other")).containsExactly("2025-01-01 applied 2/2");
        assertThat(result.figures().withdrawals()).isEqualTo(1);
    }

    @Test
    void aFileThatBecomesASymlinkInACommitKeepsItsRoute() throws Exception {
        firstCommit();
        Files.delete(root.resolve("providers/other/models/gamma.toml"));
        link("providers/other/models/gamma.toml", "../../acme/models/gamma.toml");
        commit("2025-07-01");

        assertThat(prices(read(), "gamma", "other")).containsExactly("2025-01-01 applied 2/2", "2025-07-01 applied 1/1");
    }

    @Test
    void saysWhatIsWrongWithASourceThatIsNotAModelsDevRepository(@TempDir Path elsewhere) throws Exception {
        Path plain = Files.createDirectories(elsewhere.resolve("plain"));
        Files.createDirectories(plain.resolve("providers"));
        Path corrupt = Files.write(elsewhere.resolve("corrupt.bundle"), "# v2 git bundle\nnot really\n".getBytes());
        write("README.md", "not models.dev");
        commit("2025-01-01");

        assertThatThrownBy(() -> ModelsDevHistory.read(plain, line -> { })).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a git repository");
        assertThatThrownBy(() -> ModelsDevHistory.read(corrupt, line -> { })).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a readable git repository or bundle");
        assertThatThrownBy(() -> ModelsDevHistory.read(root, line -> { })).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no providers/ folder");
        assertThatThrownBy(() -> ModelsDevHistory.read(elsewhere.resolve("missing"), line -> { }))
                .hasMessageContaining("does not exist");
    }
}
