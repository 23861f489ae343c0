package org.llmreference.bench.site.rebuild;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.llmreference.bench.site.BenchmarkFailure;
import org.llmreference.bench.site.LivePair;
import org.llmreference.bench.site.Site;

/**
 * B4: the same comparisons built as a static site by Hugo, from scratch each time. It exports every
 * live pair's comparison (see {@link HugoSite}), then times whole {@code hugo} builds into a fresh
 * public folder: the wall clock of the process, start to exit.
 */
public final class StaticRebuild {

    private static final Pattern PAGES = Pattern.compile("^\\s*Pages\\s*\\|\\s*(\\d+)", Pattern.MULTILINE);
    private static final long BUILD_TIMEOUT_SECONDS = 600;

    private final Site site;
    private final String hugo;
    private final Path template;
    private final int runs;
    private final Path dir;

    public StaticRebuild(Site site, String hugo, Path template, int runs, Path dir) {
        this.site = site;
        this.hugo = hugo;
        this.template = template;
        this.runs = runs;
        this.dir = dir;
    }

    /** Builds {@code runs} times; {@code b1MedianMillis} and {@code b1SmallMedianMillis} are NaN when B1 did not run. */
    public RebuildResult run(double b1MedianMillis, double b1SmallMedianMillis) {
        List<LivePair> pairs = site.livePairs();
        Path siteDir = dir.resolve("site");
        long exportStarted = System.nanoTime();
        int exported = HugoSite.export(site, pairs, template, siteDir);
        double exportSeconds = (System.nanoTime() - exportStarted) / 1e9;
        System.out.printf("[B4] %d comparisons exported to %s in %.1f s%n", exported, siteDir, exportSeconds);
        String version = output(List.of(hugo, "version"), dir.resolve("hugo-version.txt")).strip();
        List<Double> seconds = new ArrayList<>();
        int reportedPages = -1;
        Path previous = null;
        for (int run = 1; run <= runs; run++) {
            Path publicDir = dir.resolve("public-" + run);
            delete(publicDir);
            Path log = dir.resolve("hugo-build-" + run + ".log");
            long started = System.nanoTime();
            String output = output(List.of(hugo, "--source", siteDir.toString(), "--destination", publicDir.toString()), log);
            seconds.add((System.nanoTime() - started) / 1e9);
            Matcher pages = PAGES.matcher(output);
            if (!pages.find()) {
                throw new BenchmarkFailure("Hugo did not report its page count; see " + log);
            }
            reportedPages = Integer.parseInt(pages.group(1));
            System.out.printf("[B4] hugo build %d: %.2f s, %d pages%n", run, seconds.get(seconds.size() - 1), reportedPages);
            if (previous != null) {
                delete(previous);
            }
            previous = publicDir;
        }
        return new RebuildResult(pairs.size(), exported, exportSeconds, version, seconds, reportedPages, b1MedianMillis, b1SmallMedianMillis);
    }

    /** Runs a command to its end, its output (stdout and stderr) also written to {@code log}; fails on a non-zero exit. */
    private String output(List<String> command, Path log) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(BUILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new BenchmarkFailure(String.join(" ", command) + " did not finish within " + BUILD_TIMEOUT_SECONDS + " s");
            }
            String output = Files.readString(log);
            if (process.exitValue() != 0) {
                throw new BenchmarkFailure(String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new BenchmarkFailure("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkFailure("interrupted while Hugo ran", e);
        }
    }

    private static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new BenchmarkFailure("cannot delete " + folder + ": " + e.getMessage(), e);
        }
    }
}
