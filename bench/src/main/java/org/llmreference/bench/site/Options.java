package org.llmreference.bench.site;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What bench/site-bench hands the benchmarks: where things are, which benchmarks to run and their
 * sizes. Every option is {@code --name value}; bench/site-bench fills them from its own flags and
 * environment, so the defaults here are the documented ones.
 *
 * @param only         the benchmarks to report (B1..B4); the catalog is loaded in any case, B2 only times it
 * @param editTimeout  how long B1 waits for the pages of one edit before counting a timeout
 * @param loadTimeout  how long B2 waits for every page to be live
 */
public record Options(Path repo, Path modelsDev, Path home, Path out, Set<String> only, int edits, long seed,
        Duration editTimeout, int pollers, Duration loadTimeout, int pages, Duration wrkDuration, Duration warmUp,
        int connections, int wrkThreads, int hugoRuns, Site.Urls urls, int nginxPort, String nginx, String wrk,
        String hugo, String commandLine, String commit) {

    public static final List<String> BENCHMARKS = List.of("B2", "B1", "B3", "B4");

    public boolean runs(String benchmark) {
        return only.contains(benchmark);
    }

    /** The catalog's folder as the report names it: relative to the repository, so a report names no machine's paths. */
    public String modelsDevShown() {
        return repo.toAbsolutePath().normalize().relativize(modelsDev.toAbsolutePath().normalize()).toString();
    }

    public static Options parse(String... args) {
        if (args.length % 2 != 0) {
            throw new BenchmarkFailure("options come as --name value pairs: " + Arrays.toString(args));
        }
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new BenchmarkFailure("expected an option (--name), got '" + args[i] + "'");
            }
            given.put(args[i].substring(2), args[i + 1]);
        }
        Reader options = new Reader(given);
        Options parsed = new Options(
                options.path("repo"), options.path("models-dev"), options.path("home"), options.path("out"),
                options.benchmarks("only"),
                options.integer("edits", 200), options.integer("seed", 42),
                Duration.ofSeconds(options.integer("edit-timeout", 10)), options.integer("pollers", 4),
                Duration.ofSeconds(options.integer("load-timeout", 900)),
                options.integer("pages", 1000),
                Duration.ofSeconds(options.integer("duration", 30)), Duration.ofSeconds(options.integer("warm-up", 5)),
                options.integer("connections", 64), options.integer("wrk-threads", 2), options.integer("hugo-runs", 3),
                Site.Urls.onLocalhost(options.integer("page-port", 18080), options.integer("catalog-port", 18081),
                        options.integer("pricing-port", 18082), options.integer("comparison-port", 18083)),
                options.integer("nginx-port", 18090),
                options.text("nginx", "nginx"), options.text("wrk", "wrk"), options.text("hugo", "hugo"),
                options.text("command", "site-bench"), options.text("commit", "unknown"));
        options.rejectUnknown();
        return parsed;
    }

    /** Reads the given options by name, remembering which were used. */
    private static final class Reader {

        private final Map<String, String> given;
        private final Set<String> used = new LinkedHashSet<>();

        Reader(Map<String, String> given) {
            this.given = given;
        }

        Path path(String name) {
            String value = given.get(name);
            used.add(name);
            if (value == null || value.isBlank()) {
                throw new BenchmarkFailure("--" + name + " is required");
            }
            return Path.of(value).toAbsolutePath().normalize();
        }

        String text(String name, String otherwise) {
            used.add(name);
            String value = given.get(name);
            return value == null || value.isBlank() ? otherwise : value;
        }

        int integer(String name, int otherwise) {
            String value = text(name, null);
            if (value == null) {
                return otherwise;
            }
            try {
                int number = Integer.parseInt(value.strip());
                if (number < 1) {
                    throw new BenchmarkFailure("--" + name + " must be at least 1, not " + value);
                }
                return number;
            } catch (NumberFormatException e) {
                throw new BenchmarkFailure("--" + name + " must be a whole number, not '" + value + "'");
            }
        }

        Set<String> benchmarks(String name) {
            String value = text(name, String.join(",", BENCHMARKS));
            Set<String> chosen = new LinkedHashSet<>();
            for (String benchmark : value.split(",")) {
                String id = benchmark.strip().toUpperCase(java.util.Locale.ROOT);
                if (!BENCHMARKS.contains(id)) {
                    throw new BenchmarkFailure("--" + name + ": unknown benchmark '" + benchmark + "' (use B1, B2, B3, B4)");
                }
                chosen.add(id);
            }
            return chosen;
        }

        void rejectUnknown() {
            Set<String> unknown = new LinkedHashSet<>(given.keySet());
            unknown.removeAll(used);
            if (!unknown.isEmpty()) {
                throw new BenchmarkFailure("unknown option(s): --" + String.join(", --", unknown));
            }
        }
    }
}
