package org.llmreference.importing.modelsdev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.importing.bundle.RouteEntry;

/**
 * A models.dev tree written file by file in a test, for one import rule at a time. A provider gets
 * its {@code provider.toml} on first use.
 */
final class HandMadeTree {

    private final Path root;

    HandMadeTree(Path root) {
        this.root = root;
    }

    /** {@code providers/<provider>/models/<modelId>.toml}; {@code fields} are the lines of the file. */
    HandMadeTree offer(String provider, String modelId, String... fields) {
        provider(provider, provider.substring(0, 1).toUpperCase() + provider.substring(1));
        return write("providers/" + provider + "/models/" + modelId + ".toml", fields);
    }

    HandMadeTree provider(String provider, String name) {
        Path file = root.resolve("providers/" + provider + "/provider.toml");
        if (!Files.exists(file)) {
            write("providers/" + provider + "/provider.toml", "name = \"" + name + "\"");
        }
        return this;
    }

    /** {@code models/<lab>/<id>.toml}, a creator-level metadata file. */
    HandMadeTree metadata(String lab, String id, String... fields) {
        return write("models/" + lab + "/" + id + ".toml", fields);
    }

    ModelsDevReader.Result read() {
        return new ModelsDevReader().readWithCounts(root, line -> { });
    }

    static Optional<ModelSnapshot> model(ModelsDevReader.Result result, String id) {
        return result.bundle().models().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    static Optional<RouteEntry> route(ModelsDevReader.Result result, String modelId, String providerId) {
        return result.bundle().routes().stream()
                .filter(r -> r.modelId().equals(modelId) && r.providerId().equals(providerId)).findFirst();
    }

    /** The lines of a text model file with a name, a price and a context window. */
    static String[] textModel(String name, String input, String output, int context) {
        return new String[] {"name = \"" + name + "\"", "[cost]", "input = " + input, "output = " + output,
                "[limit]", "context = " + context, "output = " + Math.min(context, 8_192),
                "[modalities]", "input = [\"text\"]", "output = [\"text\"]"};
    }

    private HandMadeTree write(String path, String... lines) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, String.join("\n", lines) + "\n");
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
