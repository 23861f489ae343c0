package org.llmreference.importing.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Consumer;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.llmreference.importing.bundle.CatalogBundle;
import org.llmreference.importing.modelsdev.ModelsDevReader;

/**
 * A models.dev git checkout: its working tree read by the models.dev importer, and the commit it is at
 * (HEAD, read with JGit; no git binary needed). A tree without git (a copied snapshot) needs the commit
 * named with {@code --commit}. Routes get the commit's date as their {@code verifiedAt}.
 */
final class CheckoutSource {

    private CheckoutSource() {
    }

    static Upstream read(Path checkout, String commitGiven, Consumer<String> progress) {
        if (!Files.isDirectory(checkout)) {
            throw new IllegalArgumentException(checkout + " is neither a folder nor an http(s) URL of an api.json");
        }
        if (!Files.isDirectory(checkout.resolve("providers"))) {
            throw new IllegalArgumentException(checkout + " is a folder but not a models.dev checkout (no providers/ in it)");
        }
        String commit = commitGiven;
        Instant committedAt = Instant.now();
        Head head = head(checkout);
        if (head != null) {
            if (commitGiven != null && !head.id().startsWith(commitGiven)) {
                throw new IllegalArgumentException(checkout + " is at commit " + head.id() + ", not " + commitGiven);
            }
            commit = head.id();
            committedAt = head.at();
        } else if (commit == null) {
            throw new IllegalArgumentException(checkout + " is not a git checkout, so its upstream commit is unknown: "
                    + "name it with --commit ID");
        }
        LocalDate day = LocalDate.ofInstant(committedAt, ZoneOffset.UTC);
        CatalogBundle bundle = new ModelsDevReader(day).read(checkout, progress);
        return new Upstream(bundle, commit, null, committedAt);
    }

    private record Head(String id, Instant at) {
    }

    /** HEAD of the git repository the folder is the work tree of, or null when it is none. */
    private static Head head(Path checkout) {
        if (!Files.exists(checkout.resolve(".git"))) {
            return null;
        }
        try (Repository repository = new FileRepositoryBuilder().setWorkTree(checkout.toFile()).setMustExist(true).build()) {
            ObjectId id = repository.resolve("HEAD");
            if (id == null) {
                throw new IllegalArgumentException(checkout + " is a git repository without a commit");
            }
            try (RevWalk walk = new RevWalk(repository)) {
                RevCommit commit = walk.parseCommit(id);
                return new Head(id.name(), Instant.ofEpochSecond(commit.getCommitTime()));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the git repository of " + checkout + ": " + e.getMessage());
        }
    }
}
