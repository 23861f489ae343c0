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
        String configured = System.getProperty("llmref.shared.dir");
        Path shared = configured != null ? Path.of(configured)
                : Path.of("").toAbsolutePath().resolve("../../shared").normalize();
        Path tree = shared.resolve("data/models.dev");
        assumeTrue(Files.isDirectory(tree.resolve("providers")),
                "skipped: the models.dev snapshot is not at " + tree + " (set -Dllmref.shared.dir=<shared folder>)");
        return tree;
    }
}
