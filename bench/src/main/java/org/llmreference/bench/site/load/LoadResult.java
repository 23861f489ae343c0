package org.llmreference.bench.site.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.llmreference.bench.site.report.Figures;
import org.llmreference.bench.site.report.Report;
import org.llmreference.bench.site.report.Target;

/**
 * What B2 measured.
 *
 * @param complete      every page was live before the timeout
 * @param importSeconds the importer alone, from its start to its exit (NaN if it did not finish)
 * @param liveSeconds   from the importer's start to the moment every page was live (NaN when incomplete)
 * @param models        models the importer read (-1 if its log did not say)
 * @param problems      up to five pages the last full check found not current
 * @param busyPolls     looks at the progress that got no answer in time from a service
 * @param residentBytes VmRSS of each process at the end of B2
 */
public record LoadResult(boolean complete, double importSeconds, double liveSeconds, int models, int routes,
        long livePairs, FullLoad.Progress progress, int fullChecks, double fullCheckSeconds, List<String> problems,
        int busyPolls, Map<String, Long> residentBytes) {

    public static final Target ALL_PAGES_LIVE = Target.atMost("B2 all pages live after the import starts", 20, Figures::seconds);
    public static final Target SERVICE_MEMORY = Target.atMost("B2 every service's RSS", 384 * 1024 * 1024, Figures::megabytes);

    public void writeTo(Report report) {
        report.heading(2, "B2 full load");
        report.paragraph("The full models.dev tree imported into the empty stack. The clock starts with the importer and stops"
                + " when every live pair (comparison-service `/api/pairs`) is in page-service's sitemap, the consistency audit"
                + " says consistent, and comparison-service has no change waiting to be planned and no event waiting to be"
                + " relayed; a full check of every page (HEAD `/compare/{pair}`, its ETag revision against the comparison's)"
                + " then confirms it.");
        report.table(List.of("figure", "value"), List.of(
                List.of("models read by the importer", models < 0 ? "n/a" : String.valueOf(models)),
                List.of("routes read by the importer", routes < 0 ? "n/a" : String.valueOf(routes)),
                List.of("live pairs = pages", String.valueOf(livePairs)),
                List.of("import requests (importer alone)", Figures.seconds(importSeconds)),
                List.of("until every page is live", complete ? Figures.seconds(liveSeconds) : "not within the timeout"),
                List.of("pages per second (until every page is live)", complete ? Figures.number(livePairs / liveSeconds) : "n/a"),
                List.of("full checks run / last one took", fullChecks + " / " + Figures.seconds(fullCheckSeconds)),
                List.of("progress polls without an answer in time (a service busy)", String.valueOf(busyPolls))));
        if (!complete) {
            report.paragraph("Progress reached at the timeout: " + progress.describe() + "."
                    + (problems.isEmpty() ? "" : " Pages not current at the last full check, e.g.: " + String.join("; ", problems) + "."));
        }
        List<List<String>> rows = new ArrayList<>();
        residentBytes.forEach((name, bytes) -> rows.add(List.of(name, Figures.megabytes(bytes))));
        report.paragraph("Resident memory at the end of B2 (VmRSS):");
        report.table(List.of("process", "RSS"), rows);
        report.outcome(complete ? ALL_PAGES_LIVE.check(liveSeconds)
                : ALL_PAGES_LIVE.check(Double.POSITIVE_INFINITY).because("not every page live after "
                        + Figures.seconds(progress.elapsedSeconds())));
        report.outcome(serviceMemory(residentBytes));
    }

    /** One outcome for all services (not infra): the largest decides, and the line lists each. */
    static Target.Outcome serviceMemory(Map<String, Long> residentBytes) {
        long largest = 0;
        List<String> each = new ArrayList<>();
        for (Map.Entry<String, Long> process : residentBytes.entrySet()) {
            if (process.getKey().equals("infra")) {
                continue;
            }
            largest = Math.max(largest, process.getValue());
            each.add(process.getKey() + " " + Figures.megabytes(process.getValue()));
        }
        return SERVICE_MEMORY.check(largest).because(String.join(", ", each));
    }
}
