package org.llmreference.bench.site.serving;

import java.util.List;

import org.llmreference.bench.site.report.Figures;
import org.llmreference.bench.site.report.Report;
import org.llmreference.bench.site.report.Target;

/**
 * What B3 measured: the measured wrk run against page-service and against nginx, and every run
 * (warm-ups included) for the error counts.
 */
public record ServingResult(int pages, int notServed, double averagePageBytes, Serving.Settings settings, WrkResult pageService,
        WrkResult nginx, List<WrkResult> allRuns) {

    static final Target THROUGHPUT = Target.atLeast("B3 page-service requests/s ÷ nginx's", 0.8, Figures::ratio);
    static final Target TAIL_LATENCY = Target.atMost("B3 page-service p99 ÷ nginx's", 2, Figures::ratio);

    public void writeTo(Report report) {
        report.heading(2, "B3 serving");
        report.paragraph(pages + " distinct live pages (seed " + settings.seed() + "), saved as page-service served them and"
                + " served by nginx from disk at the same URLs (`sendfile on`, keep-alive, `worker_processes auto`). wrk "
                + "`-t" + settings.threads() + " -c" + settings.connections() + " -d" + settings.duration().toSeconds()
                + "s --latency`, one Lua script cycling through the pages, after a " + settings.warmUp().toSeconds()
                + " s warm-up against each. No request sends Accept-Encoding, so both serve identity (uncompressed) HTML."
                + " Average page size: " + Figures.number(averagePageBytes / 1024) + " KB."
                + (notServed == 0 ? "" : " " + notServed + " live pairs page-service did not serve (404/410) were skipped."));
        report.table(List.of("server", "requests/s", "p50", "p99", "requests", "non-2xx/3xx", "socket errors"), List.of(
                row("page-service", pageService), row("nginx", nginx)));
        double throughput = pageService.requestsPerSecond() / nginx.requestsPerSecond();
        double tail = pageService.p99Millis() / nginx.p99Millis();
        long errors = allRuns.stream().mapToLong(WrkResult::non2xx3xx).sum();
        long socketErrors = allRuns.stream().mapToLong(WrkResult::socketErrors).sum();
        report.paragraph("page-service ÷ nginx: requests/s " + Figures.ratio(throughput) + ", p99 " + Figures.ratio(tail)
                + ". Non-2xx/3xx responses over all " + allRuns.size() + " wrk runs (warm-ups included): " + errors
                + (errors == 0 ? " (none)" : " — the figures above include error responses")
                + "; socket errors: " + socketErrors + ".");
        report.outcome(THROUGHPUT.check(throughput));
        report.outcome(TAIL_LATENCY.check(tail));
    }

    private static List<String> row(String server, WrkResult run) {
        return List.of(server, Figures.number(run.requestsPerSecond()), Figures.millis(run.p50Millis()),
                Figures.millis(run.p99Millis()), String.valueOf(run.requests()), String.valueOf(run.non2xx3xx()),
                String.valueOf(run.socketErrors()));
    }
}
