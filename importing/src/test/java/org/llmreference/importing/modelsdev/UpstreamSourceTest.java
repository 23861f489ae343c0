package org.llmreference.importing.modelsdev;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmreference.contracts.pricing.UpstreamSource;
import org.llmreference.importing.bundle.RouteEntry;

/** Each imported route names the upstream file it took, the files folded into it, and the commit it was read at. */
class UpstreamSourceTest {

    @TempDir
    Path root;

    private HandMadeTree tree() {
        return new HandMadeTree(root)
                .offer("chutes", "zai-org/GLM-4.6", HandMadeTree.textModel("GLM 4.6", "0.4", "1.75", 202_752))
                .offer("chutes", "zai-org/GLM-4.6-flex", HandMadeTree.textModel("GLM 4.6", "0.2", "0.875", 202_752))
                .offer("chutes", "zai-org/GLM-4.6:free", HandMadeTree.textModel("GLM 4.6", "0", "0", 202_752));
    }

    @Test
    void namesTheFileItTookAndTheFilesFoldedIntoTheRoute() {
        ModelsDevReader.Result result = tree().read();

        RouteEntry route = HandMadeTree.route(result, "glm-4.6", "chutes").orElseThrow();
        assertThat(route.inputPricePerMTok()).isEqualByComparingTo("0.4");
        UpstreamSource upstream = route.upstream();
        assertThat(upstream.providerModelId()).isEqualTo("zai-org/GLM-4.6");
        assertThat(upstream.path()).isEqualTo("providers/chutes/models/zai-org/GLM-4.6.toml");
        assertThat(upstream.alsoFolded()).containsExactly("providers/chutes/models/zai-org/GLM-4.6-flex.toml",
                "providers/chutes/models/zai-org/GLM-4.6:free.toml");
        assertThat(upstream.commit()).as("a plain directory has no commit").isNull();
        assertThat(upstream.committedAt()).isNull();
        assertThat(route.sourceUrl()).isNull();
    }

    @Test
    void aGitCheckoutGivesTheCommitItsDayAsVerifiedAtAndALinkToTheFileAtThatCommit() throws Exception {
        tree();
        RevCommit commit;
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("dev").call()) {
            git.add().addFilepattern(".").call();
            PersonIdent author = new PersonIdent("Upstream", "upstream@example.org", Instant.parse("2026-03-14T22:15:00Z"),
                    java.time.ZoneOffset.UTC);
            commit = git.commit().setMessage("prices").setAuthor(author).setCommitter(author).setSign(false).call();
        }

        RouteEntry route = HandMadeTree.route(new ModelsDevReader(LocalDate.of(2026, 7, 2)).readWithCounts(root, line -> { }),
                "glm-4.6", "chutes").orElseThrow();

        assertThat(route.upstream().commit()).isEqualTo(commit.getName());
        assertThat(route.upstream().committedAt()).isEqualTo(Instant.parse("2026-03-14T22:15:00Z"));
        assertThat(route.verifiedAt()).isEqualTo(LocalDate.of(2026, 3, 14));
        assertThat(route.sourceUrl()).isEqualTo("https://github.com/anomalyco/models.dev/blob/" + commit.getName()
                + "/providers/chutes/models/zai-org/GLM-4.6.toml");
    }

    @Test
    void keepsTheProvidersOwnPageAsSourceUrl() throws Exception {
        tree().provider("chutes", "Chutes");
        java.nio.file.Files.writeString(root.resolve("providers/chutes/provider.toml"),
                "name = \"Chutes\"\ndoc = \"https://chutes.ai/pricing\"\n");
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("dev").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("prices").setSign(false).call();
        }

        RouteEntry route = HandMadeTree.route(tree().read(), "glm-4.6", "chutes").orElseThrow();

        assertThat(route.sourceUrl()).isEqualTo("https://chutes.ai/pricing");
        assertThat(route.upstream().commit()).isNotNull();
    }

    @Test
    void escapesWhatAUrlCannotHoldInTheLinkToAFile() {
        UpstreamCommit commit = new UpstreamCommit("7c625b3b820a05e713758b1c9c6d96e8e80420e4", Instant.parse("2025-09-01T00:00:00Z"));

        assertThat(commit.urlOf("providers/nano-gpt/models/TheDrummer 2/Anubis-70B-v1.toml")).isEqualTo(
                "https://github.com/anomalyco/models.dev/blob/7c625b3b820a05e713758b1c9c6d96e8e80420e4/providers/nano-gpt/"
                        + "models/TheDrummer%202/Anubis-70B-v1.toml");
        assertThat(commit.urlOf("providers/openrouter/models/openai/gpt-oss-20b:free.toml")).endsWith("/gpt-oss-20b:free.toml");
    }
}
