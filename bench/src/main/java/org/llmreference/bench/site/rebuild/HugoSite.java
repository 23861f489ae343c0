package org.llmreference.bench.site.rebuild;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.llmreference.bench.site.BenchmarkFailure;
import org.llmreference.bench.site.LivePair;
import org.llmreference.bench.site.Parallel;
import org.llmreference.bench.site.Site;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Hugo site B4 builds: bench/hugo (config and layouts) plus one content file per live pair,
 * {@code content/compare/<pair>.md}, holding the comparison comparison-service serves as the page's
 * JSON front matter: {@code {"title": ..., "url": "/compare/<pair>", "comparison": {...}}}.
 *
 * <p>Why front matter rather than data files: Hugo reads every file under {@code data/} into one map
 * before it renders anything, while a page's front matter is read with the page, on all cores, and
 * the template reads {@code .Params.comparison} without a lookup. Hugo lower-cases front matter keys but
 * looks them up without regard to case, so the templates use the JSON's own names.
 */
final class HugoSite {

    private static final int THREADS = 8;

    private HugoSite() {
    }

    /** Copies the template into {@code site} and writes a content file per pair; the pages written. */
    static int export(Site stack, List<LivePair> pairs, Path template, Path site) {
        if (!Files.isRegularFile(template.resolve("config.toml"))) {
            throw new BenchmarkFailure("the Hugo template is missing: no " + template.resolve("config.toml"));
        }
        copyTree(template, site);
        Path content = site.resolve("content").resolve("compare");
        createDirectories(content);
        List<Boolean> written = Parallel.map(pairs, THREADS, pair -> writePage(stack, pair.pairId(), content));
        return (int) written.stream().filter(Boolean::booleanValue).count();
    }

    /** Writes the pair's content file; false when comparison-service no longer has the pair (withdrawn since it was listed). */
    private static boolean writePage(Site stack, String pairId, Path content) {
        HttpResponse<String> answer = stack.comparison(pairId);
        if (answer.statusCode() == 404 || answer.statusCode() == 410) {
            return false;
        }
        if (answer.statusCode() != 200) {
            throw Site.unexpected(answer);
        }
        JsonNode comparison = Site.JSON.readTree(answer.body()).path("comparison");
        ObjectNode frontMatter = Site.JSON.createObjectNode();
        frontMatter.put("title", comparison.path("title").asString());
        frontMatter.put("url", "/compare/" + pairId);
        frontMatter.set("comparison", comparison);
        try {
            Files.writeString(content.resolve(pairId + ".md"), Site.JSON.writeValueAsString(frontMatter) + "\n");
        } catch (IOException e) {
            throw new BenchmarkFailure("cannot write the content file of " + pairId + ": " + e.getMessage(), e);
        }
        return true;
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(source -> {
                Path target = to.resolve(from.relativize(source).toString());
                try {
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new BenchmarkFailure("cannot copy the Hugo template " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    private static void createDirectories(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new BenchmarkFailure("cannot create " + folder + ": " + e.getMessage(), e);
        }
    }
}
