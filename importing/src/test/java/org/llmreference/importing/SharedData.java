package org.llmreference.importing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The team's shared data folder (models.dev snapshot, reference pages), outside the repository.
 * Located by system property {@code llmref.shared.dir}, else {@code ../../shared} from the module
 * folder. Tests that need it are skipped, with a message, where it is absent.
 */
public final class SharedData {

    private SharedData() {
    }

    public static Path modelsDevTree() {
        Path tree = shared().resolve("data/models.dev");
        assumeTrue(Files.isDirectory(tree.resolve("providers")),
                "skipped: the models.dev snapshot is not at " + tree + " (set -Dllmref.shared.dir=<shared folder>)");
        return tree;
    }

    /** models.dev's git repository with its whole history, as a git bundle. */
    public static Path modelsDevBundle() {
        Path bundle = shared().resolve("data/models.dev.bundle");
        assumeTrue(Files.isRegularFile(bundle),
                "skipped: the models.dev history is not at " + bundle + " (set -Dllmref.shared.dir=<shared folder>)");
        return bundle;
    }

    private static Path shared() {
        String configured = System.getProperty("llmref.shared.dir");
        return configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().resolve("../../shared").normalize();
    }
}
