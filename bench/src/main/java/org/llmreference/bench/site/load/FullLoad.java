package org.llmreference.bench.site.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.llmreference.bench.site.BenchmarkFailure;
import org.llmreference.bench.site.LivePair;
import org.llmreference.bench.site.NoAnswer;
import org.llmreference.bench.site.Site;
import org.llmreference.bench.site.StackProcesses;

import tools.jackson.databind.JsonNode;

/**
 * B2: imports the whole models.dev tree into the empty stack and times how long until every page is
 * servable. The clock starts when the importer starts. Every half second it reads how many pairs are
 * live (comparison-service) and how many comparison pages the sitemap lists (page-service); once the
 * importer is done and the sitemap lists every live pair, it asks page-service's consistency audit, and
 * comparison-service's planner queue and outbox. When all are empty the clock stops, and a full check
 * of every page (its revision against its comparison's) confirms it; if the check finds a page behind,
 * the polling goes on. A look that gets no answer in time (a service busy with the load) is counted
 * and the polling goes on.
 */
public final class FullLoad {

    private static final long POLL_MILLIS = 500;
    private static final long PROGRESS_EVERY_NANOS = 15_000_000_000L;
    private static final Pattern READ_LINE = Pattern.compile("read (\\d+) models, (\\d+) routes, (\\d+) providers");
    private static final String PAGE_URL_MARK = "/compare/";

    private final Site site;
    private final StackProcesses processes;
    private final Path importerJar;
    private final Path modelsDev;
    private final Path importLog;
    private final long timeoutNanos;

    public FullLoad(Site site, StackProcesses processes, Path importerJar, Path modelsDev, Path importLog, java.time.Duration timeout) {
        this.site = site;
        this.processes = processes;
        this.importerJar = importerJar;
        this.modelsDev = modelsDev;
        this.importLog = importLog;
        this.timeoutNanos = timeout.toNanos();
    }

    public LoadResult run() {
        if (!Files.isRegularFile(importerJar)) {
            throw new BenchmarkFailure("the importer " + importerJar + " is not built (mvn -B -DskipTests package)");
        }
        System.out.println("[B2] importing " + modelsDev + " (log: " + importLog + ")");
        long started = System.nanoTime();
        Process importer = startImporter();
        CompletableFuture<Long> importerExited = importer.onExit().thenApply(process -> System.nanoTime());
        Tally tally = new Tally(started);
        while (System.nanoTime() - started < timeoutNanos) {
            processes.requireRunning();
            Long importEnd = importerExited.getNow(null);
            if (importEnd != null && importer.exitValue() != 0) {
                throw new BenchmarkFailure("the importer failed (exit " + importer.exitValue() + "); see " + importLog
                        + ":\n" + tail(importLog));
            }
            try {
                tally.progress = Progress.read(site, seconds(System.nanoTime() - started), false, tally.progress);
                if (!tally.progress.answered()) {
                    tally.busyPolls++;
                }
                if (importEnd != null && tally.progress.complete() && confirmedByFullCheck(tally)) {
                    double liveSeconds = seconds(tally.progress.checkedAt() - started);
                    System.out.printf("[B2] every one of %d pages live after %.1f s (full check %.1f s)%n",
                            tally.checkedPairs, liveSeconds, tally.fullCheckSeconds);
                    return result(true, seconds(importEnd - started), liveSeconds, tally.checkedPairs, tally);
                }
            } catch (NoAnswer busy) {
                tally.busyPolls++;
                tally.progress = tally.progress.busy(seconds(System.nanoTime() - started), busy.getMessage());
            }
            tally.sayEvery(PROGRESS_EVERY_NANOS, importEnd == null ? ", importer still running" : "");
            pause();
        }
        importer.destroy();
        try {
            tally.progress = Progress.read(site, seconds(System.nanoTime() - started), true, tally.progress);
        } catch (NoAnswer busy) {
            tally.progress = tally.progress.busy(seconds(System.nanoTime() - started), busy.getMessage());
        }
        System.out.println("[B2] not every page live within the timeout: " + tally.progress.describe());
        Long importEnd = importerExited.getNow(null);
        return result(false, importEnd == null ? Double.NaN : seconds(importEnd - started), Double.NaN,
                tally.progress.livePairs(), tally);
    }

    /** Checks every live page; true when all are current, else the problems are kept for the report. */
    private boolean confirmedByFullCheck(Tally tally) {
        List<LivePair> pairs = site.livePairs();
        long checkStarted = System.nanoTime();
        tally.problems = new PageCheck(site).problems(pairs);
        tally.fullChecks++;
        tally.fullCheckSeconds = seconds(System.nanoTime() - checkStarted);
        tally.checkedPairs = pairs.size();
        if (!tally.problems.isEmpty()) {
            System.out.printf("[B2] full check: %d of %d pages not current yet, e.g. %s%n", tally.problems.size(),
                    pairs.size(), tally.problems.get(0));
        }
        return tally.problems.isEmpty();
    }

    private LoadResult result(boolean complete, double importSeconds, double liveSeconds, long livePairs, Tally tally) {
        Matcher read = READ_LINE.matcher(readLog());
        boolean counted = read.find();
        return new LoadResult(complete, importSeconds, liveSeconds,
                counted ? Integer.parseInt(read.group(1)) : -1, counted ? Integer.parseInt(read.group(2)) : -1,
                livePairs, tally.progress, tally.fullChecks, tally.fullCheckSeconds,
                tally.problems.stream().limit(5).toList(), tally.busyPolls, processes.residentBytes());
    }

    /** What the polling found so far. */
    private static final class Tally {

        private long lastSaid;
        private Progress progress = Progress.NONE;
        private int busyPolls;
        private int fullChecks;
        private double fullCheckSeconds = Double.NaN;
        private int checkedPairs;
        private List<String> problems = List.of();

        Tally(long started) {
            this.lastSaid = started;
        }

        void sayEvery(long nanos, String note) {
            long now = System.nanoTime();
            if (now - lastSaid >= nanos) {
                System.out.println("[B2] " + progress.describe() + note);
                lastSaid = now;
            }
        }
    }

    private Process startImporter() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        try {
            Process importer = new ProcessBuilder(java.toString(), "-jar", importerJar.toString(), "--token", site.editorToken(),
                    "--catalog", site.urls().catalog().toString(), "--pricing", site.urls().pricing().toString(),
                    modelsDev.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(importLog.toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(importer::destroy));
            return importer;
        } catch (IOException e) {
            throw new BenchmarkFailure("cannot start the importer " + importerJar + ": " + e.getMessage(), e);
        }
    }

    private String readLog() {
        try {
            return Files.readString(importLog);
        } catch (IOException e) {
            throw new BenchmarkFailure("cannot read the importer's log " + importLog + ": " + e.getMessage(), e);
        }
    }

    private String tail(Path log) {
        List<String> lines = readLog().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkFailure("interrupted while waiting for the pages", e);
        }
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /**
     * One look at how far the load is.
     *
     * @param atRest   the audit says consistent, and comparison-service has no change waiting to be planned
     *                 and no event waiting to be relayed
     * @param answered every service asked answered in time
     */
    record Progress(double elapsedSeconds, long checkedAt, long livePairs, long sitemapPages, boolean atRest, String audit,
            boolean answered) {

        static final Progress NONE = new Progress(0, 0, 0, 0, false, "not checked", true);

        /**
         * One look: the sitemap's comparison pages, then the live pairs (the last count when comparison-service
         * is too busy to answer); the audit, the planner queue and the outbox only once the sitemap lists every
         * live pair, or when {@code always} asks for them.
         */
        static Progress read(Site site, double elapsedSeconds, boolean always, Progress previous) {
            long checkedAt = System.nanoTime();
            long sitemapPages = count(site.sitemap(), PAGE_URL_MARK);
            long livePairs;
            try {
                livePairs = site.livePairCount();
            } catch (NoAnswer busy) {
                return new Progress(elapsedSeconds, checkedAt, previous.livePairs, sitemapPages, false,
                        "live pairs as last counted: " + busy.getMessage(), false);
            }
            if (!always && (livePairs == 0 || sitemapPages < livePairs)) {
                return new Progress(elapsedSeconds, checkedAt, livePairs, sitemapPages, false, "audit not asked yet", true);
            }
            JsonNode audit = site.consistency();
            String metrics = site.prometheus(site.urls().comparison());
            double waiting = Gauge.read(metrics, "llmref_comparisons_waiting");
            double pending = Gauge.read(metrics, "llmref_outbox_pending");
            boolean consistent = audit.path("consistent").asBoolean(false);
            String summary = "audit " + (consistent ? "consistent" : "pages behind " + count(audit, "pagesBehindComparisons")
                    + ", page events not applied " + count(audit, "comparisonEventsNotApplied")
                    + ", source events not consumed " + count(audit, "comparisonsBehindSources"))
                    + ", comparison changes waiting " + (long) waiting + ", outbox pending " + (long) pending;
            return new Progress(elapsedSeconds, checkedAt, livePairs, sitemapPages, consistent && waiting == 0 && pending == 0,
                    summary, true);
        }

        /** The same progress, but this look got no answer in time. */
        Progress busy(double elapsed, String why) {
            return new Progress(elapsed, checkedAt, livePairs, sitemapPages, false, "no answer this time: " + why, false);
        }

        /** Every live pair is in the sitemap, and nothing is on its way. */
        boolean complete() {
            return livePairs > 0 && sitemapPages >= livePairs && atRest;
        }

        String describe() {
            return String.format(java.util.Locale.ROOT, "%.0f s: %d of %d live pairs in the sitemap, %s", elapsedSeconds,
                    sitemapPages, livePairs, audit);
        }

        private static String count(JsonNode audit, String section) {
            JsonNode count = audit.path(section).path("count");
            return count.isMissingNode() ? "?" : count.asString();
        }

        private static long count(String text, String mark) {
            long count = 0;
            for (int at = text.indexOf(mark); at >= 0; at = text.indexOf(mark, at + mark.length())) {
                count++;
            }
            return count;
        }
    }
}
