package org.llmreference.importing.modelsdev;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The upstream commit a models.dev tree was read at: its id and its date (the committer's).
 */
public record UpstreamCommit(String id, Instant committedAt) {

    /** models.dev's repository on GitHub: a file at a commit is {@code BLOB_URL + commit + "/" + path}. */
    public static final String BLOB_URL = "https://github.com/anomalyco/models.dev/blob/";

    public UpstreamCommit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(committedAt, "committedAt");
    }

    /** The day of the commit, in UTC. */
    public LocalDate day() {
        return LocalDate.ofInstant(committedAt, ZoneOffset.UTC);
    }

    /** The link to {@code path} as it was at this commit (characters a URL cannot hold, such as spaces, escaped). */
    public String urlOf(String path) {
        try {
            return new URI("https", "github.com", URI.create(BLOB_URL).getPath() + id + "/" + path, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot link to " + path + ": " + e.getMessage(), e);
        }
    }

    static UpstreamCommit of(RevCommit commit) {
        return new UpstreamCommit(commit.getName(), Instant.ofEpochSecond(commit.getCommitTime()));
    }

    /**
     * The commit checked out in {@code root} when it is a git working tree ({@code .git} inside it);
     * empty for a plain directory, or when its HEAD cannot be read.
     */
    public static Optional<UpstreamCommit> checkedOutIn(Path root) {
        if (!Files.exists(root.resolve(".git"))) {
            return Optional.empty();
        }
        try (Repository repository = new FileRepositoryBuilder().setWorkTree(root.toFile()).setMustExist(true)
                .setGitDir(root.resolve(".git").toFile()).build(); RevWalk walk = new RevWalk(repository)) {
            ObjectId head = repository.resolve("HEAD");
            return head == null ? Optional.empty() : Optional.of(of(walk.parseCommit(head)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
