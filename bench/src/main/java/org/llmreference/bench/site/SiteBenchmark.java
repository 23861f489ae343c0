package org.llmreference.bench.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.llmreference.bench.site.load.FullLoad;
import org.llmreference.bench.site.load.LoadResult;
import org.llmreference.bench.site.propagation.Propagation;
import org.llmreference.bench.site.propagation.PropagationResult;
import org.llmreference.bench.site.rebuild.RebuildResult;
import org.llmreference.bench.site.rebuild.StaticRebuild;
import org.llmreference.bench.site.report.Figures;
import org.llmreference.bench.site.report.Report;
import org.llmreference.bench.site.report.Target;
import org.llmreference.bench.site.serving.Serving;
import org.llmreference.bench.site.serving.ServingResult;

/**
 * The site benchmarks against a fresh stack that bench/site-bench started (empty data, its own ports):
 * B2 loads the real catalog and times it (always run: it loads what the others use), then B1
 * propagation, B3 serving against nginx, B4 against a Hugo rebuild, as chosen. Writes the Markdown
 * report to {@code <out>/report.md} as it goes and prints it at the end. A missed target is reported,
 * not a failure: the exit is non-zero only when the benchmarks cannot run.
 */
public final class SiteBenchmark {

    private final Options options;
    private final Report report = new Report();

    private SiteBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) {
        try {
            new SiteBenchmark(Options.parse(args)).run();
        } catch (BenchmarkFailure e) {
            System.err.println("site-bench: " + e.getMessage());
            System.exit(1);
        }
    }

    private void run() {
        createDirectories(options.out());
        Site site = new Site(options.urls(), token("editor-token"), token("ops-token"));
        StackProcesses processes = new StackProcesses(options.home());
        processes.requireRunning();
        header();
        try {
            LoadResult load = new FullLoad(site, processes, options.repo().resolve("importing/target/importer.jar"),
                    options.modelsDev(), options.out().resolve("import.log"), options.loadTimeout()).run();
            if (options.runs("B2")) {
                load.writeTo(report);
            } else {
                report.paragraph("The catalog was loaded as B2 does (not reported: B2 was not chosen); every page live after "
                        + (load.complete() ? Figures.seconds(load.liveSeconds()) : "— not within the timeout") + ".");
            }
            if (!load.complete()) {
                report.paragraph("**Note:** not every page was live when the load timed out; the benchmarks below ran while the"
                        + " site was still catching up, which their figures include.");
            }
            save();
            PropagationResult propagation = null;
            if (options.runs("B1")) {
                propagation = new Propagation(site, options.edits(), options.seed(), options.editTimeout(), options.pollers(),
                        options.out().resolve("b1-edits.csv")).run();
                propagation.writeTo(report);
                save();
            }
            if (options.runs("B3")) {
                ServingResult serving = new Serving(site, new Serving.Settings(options.pages(), options.seed(),
                        options.wrkDuration(), options.warmUp(), options.wrkThreads(), options.connections(), options.wrk(),
                        options.nginx(), options.repo().resolve("bench/nginx/nginx.conf.template"), options.nginxPort()),
                        createDirectories(options.out().resolve("b3"))).run();
                serving.writeTo(report);
                save();
            }
            if (options.runs("B4")) {
                RebuildResult rebuild = new StaticRebuild(site, options.hugo(), options.repo().resolve("bench/hugo"),
                        options.hugoRuns(), createDirectories(options.out().resolve("b4")))
                        .run(propagation == null ? Double.NaN : propagation.p50Millis(),
                                propagation == null ? Double.NaN : propagation.smallEditsP50Millis());
                rebuild.writeTo(report);
                save();
            }
            footer(processes);
        } catch (BenchmarkFailure e) {
            report.heading(2, "The run stopped");
            report.paragraph(e.getMessage());
            report.paragraph("Logs of the stack: " + options.home().resolve("logs") + " (bench/site-bench copies them to "
                    + options.out().resolve("stack-logs") + ").");
            save();
            throw e;
        }
        save();
        System.out.println();
        System.out.println(report.markdown());
        System.out.println("Report written to " + options.out().resolve("report.md"));
    }

    private void header() {
        report.heading(1, "LLM Reference site benchmarks");
        String javaOptions = System.getenv("LLMREF_SERVICE_JAVA_OPTS");
        report.bullets(List.of(
                "Command: `" + options.commandLine() + "`",
                "Date: " + Instant.now().truncatedTo(ChronoUnit.SECONDS),
                "Machine: " + Machine.describe(),
                "Commit: " + options.commit(),
                "Stack: fresh (empty `LLMREF_HOME`, `LLMREF_DEMO=0 ./llmref up -d`), page-service " + options.urls().page()
                        + ", service JVM options " + (javaOptions == null || javaOptions.isBlank() ? "the run command's defaults"
                                : "`" + javaOptions + "`"),
                "Benchmarks: " + String.join(", ", options.only()) + "; catalog: " + options.modelsDevShown()));
        report.paragraph("Figures from a shared machine are noisy; each target line says MET or MISSED, and a missed target"
                + " does not fail the run.");
    }

    private void footer(StackProcesses processes) {
        Map<String, Long> rss = processes.residentBytes();
        report.heading(2, "Memory at the end of the run");
        report.paragraph("VmRSS after every chosen benchmark: page-service " + Figures.megabytes(rss.get("page-service"))
                + ", comparison-service " + Figures.megabytes(rss.get("comparison-service")) + " (catalog-service "
                + Figures.megabytes(rss.get("catalog-service")) + ", pricing-service " + Figures.megabytes(rss.get("pricing-service"))
                + ", infra " + Figures.megabytes(rss.get("infra")) + ").");
        report.heading(2, "What the stack logged");
        report.table(List.of("log", "ERROR lines", "WARN lines", "uncaught exceptions", "OutOfMemoryError"),
                StackLogs.summary(options.home().resolve("logs")));
        report.heading(2, "Targets");
        List<String> lines = new ArrayList<>();
        for (Target.Outcome outcome : report.outcomes()) {
            lines.add(outcome.line());
        }
        report.bullets(lines.isEmpty() ? List.of("none checked") : lines);
    }

    private String token(String name) {
        Path file = options.home().resolve(name);
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new BenchmarkFailure("cannot read " + file + " (is the bench stack up in " + options.home() + "?)", e);
        }
    }

    private void save() {
        Path file = options.out().resolve("report.md");
        try {
            Files.writeString(file, report.markdown());
        } catch (IOException e) {
            throw new BenchmarkFailure("cannot write the report " + file + ": " + e.getMessage(), e);
        }
    }

    private static Path createDirectories(Path folder) {
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new BenchmarkFailure("cannot create " + folder + ": " + e.getMessage(), e);
        }
    }
}
