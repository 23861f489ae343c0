package org.llmreference.importing.modelsdev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The small models.dev tree under {@code src/test/resources/models-dev-fixture}, copied to a
 * temporary folder with its two real symlinks added (git checkouts may not keep symlinks): groq's
 * {@code openai/gpt-oss-20b.toml} pointing to openrouter's file, and a dangling {@code gone.toml}.
 */
public final class FixtureTree {

    private FixtureTree() {
    }

    public static Path copyTo(Path dir) {
        try {
            Path source = Path.of(FixtureTree.class.getResource("/models-dev-fixture").toURI());
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path target = dir.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                }
            }
            Path groqModels = dir.resolve("providers/groq/models");
            Files.createSymbolicLink(groqModels.resolve("openai/gpt-oss-20b.toml"),
                    Path.of("../../../openrouter/models/openai/gpt-oss-20b.toml"));
            Files.createSymbolicLink(groqModels.resolve("gone.toml"), Path.of("../../openrouter/models/gone.toml"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
