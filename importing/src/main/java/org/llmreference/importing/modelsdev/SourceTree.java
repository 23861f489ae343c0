package org.llmreference.importing.modelsdev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.ObjectNode;

/**
 * The files of a models.dev checkout, read and with inheritance resolved: symlinks followed
 * (dangling ones skipped), {@code base_model} and the legacy {@code [extends]} merged in with a deep
 * merge where the provider's own values win.
 */
final class SourceTree {

    /** {@code providers/<id>/provider.toml}. */
    record ProviderFile(String id, String name, String doc) {
    }

    /** {@code models/<lab>/<id>.toml}: provider-agnostic facts about a model. */
    record MetadataFile(String lab, String id, ObjectNode data) {

        String fullId() {
            return lab + "/" + id;
        }
    }

    /**
     * One provider model file after inheritance.
     *
     * @param modelId   the provider's model id: the path under {@code models/} without {@code .toml}
     * @param baseModel the {@code base_model} the file claims ({@code lab/id}), or null
     * @param via       {@code file}, {@code symlink}, {@code base_model} or {@code extends}
     * @param namesItself the file gives a {@code name} of its own (not only one it inherits)
     */
    record Offering(String providerId, String modelId, ObjectNode data, String baseModel, String via,
            boolean namesItself) {
    }

    private static final int MAX_DEPTH = Inheritance.MAX_DEPTH;

    final List<ProviderFile> providers = new ArrayList<>();
    final Map<String, MetadataFile> metadata = new HashMap<>();
    final List<Offering> offerings = new ArrayList<>();

    private final Path root;
    private final Tally tally;
    private final Consumer<String> progress;
    private final Map<Path, ObjectNode> rawCache = new HashMap<>();
    private final Map<Path, Parsed> parsedAhead = new ConcurrentHashMap<>();

    private SourceTree(Path root, Tally tally, Consumer<String> progress) {
        this.root = root;
        this.tally = tally;
        this.progress = progress;
    }

    static SourceTree read(Path root, Tally tally, Consumer<String> progress) {
        if (!Files.isDirectory(root.resolve("providers"))) {
            throw new IllegalArgumentException(root + " is not a models.dev checkout: it has no providers/ folder");
        }
        SourceTree tree = new SourceTree(root, tally, progress);
        tree.parseAhead();
        tree.readMetadata();
        tree.readProviders();
        tree.parsedAhead.clear();
        return tree;
    }

    /** What reading and parsing one file gave: the tree, or the failure {@link #load} reports if it needs the file. */
    private record Parsed(ObjectNode node, Exception failure) {
    }

    /**
     * Reads and parses every {@code .toml} file of the tree on all cores, before the (ordered,
     * counted, reported) walk of {@link #readMetadata} and {@link #readProviders} takes them from
     * here. Files that are not TOML (symlink placeholders) or unreadable cost nothing more: only
     * the files the walk loads count.
     */
    private void parseAhead() {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(root.resolve("models"))) {
            files.addAll(tomlFiles(root.resolve("models")));
        }
        files.addAll(tomlFiles(root.resolve("providers")));
        files.parallelStream().forEach(file -> {
            Parsed parsed;
            try {
                parsed = new Parsed(TomlNodes.parse(Files.readString(file, StandardCharsets.UTF_8)), null);
            } catch (JacksonException | IOException e) {
                parsed = new Parsed(null, e);
            }
            parsedAhead.put(file, parsed);
        });
    }

    private void readMetadata() {
        Path models = root.resolve("models");
        if (!Files.isDirectory(models)) {
            return;
        }
        for (Path file : tomlFiles(models)) {
            Path relative = models.relativize(file);
            if (relative.getNameCount() < 2) {
                continue;
            }
            ObjectNode data = load(file);
            if (data == null) {
                continue;
            }
            String lab = relative.getName(0).toString();
            String id = withoutToml(relative.subpath(1, relative.getNameCount()));
            MetadataFile meta = new MetadataFile(lab, id, data);
            metadata.put(meta.fullId(), meta);
        }
    }

    private void readProviders() {
        List<Path> providerDirs;
        try (Stream<Path> dirs = Files.list(root.resolve("providers"))) {
            providerDirs = dirs.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path dir : providerDirs) {
            String providerId = dir.getFileName().toString();
            Path providerToml = dir.resolve("provider.toml");
            ObjectNode info = Files.isRegularFile(providerToml) ? load(providerToml) : null;
            if (info == null) {
                tally.skip("provider without provider.toml");
                continue;
            }
            providers.add(new ProviderFile(providerId, TomlNodes.text(info, "name"), TomlNodes.text(info, "doc")));
            Path modelsDir = dir.resolve("models");
            if (!Files.isDirectory(modelsDir)) {
                continue;
            }
            for (Path file : tomlFiles(modelsDir)) {
                String modelId = withoutToml(modelsDir.relativize(file));
                String via = "file";
                Path target = file;
                if (Files.isSymbolicLink(file)) {
                    if (!Files.exists(file)) {
                        dangling(file);
                        continue;
                    }
                    via = "symlink";
                } else {
                    Path placeholderTarget = symlinkPlaceholder(file);
                    for (int hops = 0; placeholderTarget != null && hops < MAX_DEPTH; hops++) {
                        target = placeholderTarget;
                        via = "symlink";
                        placeholderTarget = Files.isRegularFile(target) ? symlinkPlaceholder(target) : null;
                    }
                    if (via.equals("symlink") && !Files.isRegularFile(target)) {
                        dangling(file);
                        continue;
                    }
                }
                if (via.equals("symlink")) {
                    tally.symlinksFollowed++;
                }
                ObjectNode raw = load(target);
                if (raw == null) {
                    continue;
                }
                Inheritance.Resolved resolved = resolve(raw);
                offerings.add(new Offering(providerId, modelId, resolved.data(), resolved.baseModel(),
                        via.equals("file") ? resolved.via() : via, TomlNodes.text(raw, "name") != null));
            }
        }
    }

    private void dangling(Path file) {
        tally.danglingSymlinks++;
        tally.skip("dangling symlink");
        progress.accept("models.dev: skipping dangling symlink " + root.relativize(file));
    }

    /**
     * A symlink checked out where symlinks are not supported (git {@code core.symlinks=false}, some
     * copies) is a one-line text file holding the relative target, e.g. {@code ../../zai/models/glm-4.5.toml}.
     * Returns that target, or null when the file is ordinary TOML.
     */
    private static Path symlinkPlaceholder(Path file) {
        try {
            if (Files.size(file) > 512) {
                return null;
            }
            String text = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (text.endsWith(".toml") && !text.contains("\n") && !text.contains("=")) {
                return file.getParent().resolve(text).normalize();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private Inheritance.Resolved resolve(ObjectNode raw) {
        return Inheritance.resolve(raw, new Inheritance.Lookup() {
            @Override
            public ObjectNode metadata(String fullId) {
                MetadataFile base = metadata.get(fullId);
                return base == null ? null : base.data();
            }

            @Override
            public ObjectNode providerFile(String providerId, String modelId) {
                Path target = root.resolve("providers").resolve(providerId).resolve("models").resolve(modelId + ".toml");
                return Files.exists(target) ? load(target) : null;
            }
        }, tally::skip);
    }

    /** The parsed file, or null (counted) when it is not TOML. Files are read once even when inherited from. */
    private ObjectNode load(Path file) {
        ObjectNode cached = rawCache.get(file);
        if (cached != null) {
            return cached;
        }
        try {
            Parsed ahead = parsedAhead.remove(file);
            ObjectNode node = ahead == null ? TomlNodes.parse(Files.readString(file, StandardCharsets.UTF_8))
                    : parsedOrThrow(ahead);
            rawCache.put(file, node);
            tally.filesRead++;
            if (tally.filesRead % 500 == 0) {
                progress.accept("models.dev: " + tally.filesRead + " files read");
            }
            return node;
        } catch (JacksonException e) {
            tally.skip("unreadable TOML");
            progress.accept("models.dev: skipping " + root.relativize(file) + ": " + e.getOriginalMessage());
            return null;
        } catch (IOException e) {
            tally.skip("unreadable file");
            return null;
        }
    }

    private static ObjectNode parsedOrThrow(Parsed parsed) throws IOException {
        if (parsed.failure() instanceof IOException e) {
            throw e;
        }
        if (parsed.failure() instanceof JacksonException e) {
            throw e;
        }
        return parsed.node();
    }

    private static List<Path> tomlFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".toml"))
                    .filter(p -> !Files.isDirectory(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String withoutToml(Path relative) {
        String text = relative.toString().replace('\\', '/');
        return text.substring(0, text.length() - ".toml".length());
    }
}
