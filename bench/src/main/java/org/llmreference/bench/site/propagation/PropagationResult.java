package org.llmreference.bench.site.propagation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.llmreference.bench.site.report.Figures;
import org.llmreference.bench.site.report.Percentiles;
import org.llmreference.bench.site.report.Report;
import org.llmreference.bench.site.report.Target;

/** What B1 measured: every edit, and the service's own propagation histogram over the same time. */
public record PropagationResult(List<EditResult> edits, int planned, PrometheusHistogram serviceHistogram,
        Duration timeout, int pollers, long seed) {

    static final int SMALL_EDIT_PAGES = 50;
    static final Target SMALL_P50 = Target.atMost("B1 p50, edits affecting ≤ 50 pages", 100, Figures::millis);
    static final Target SMALL_P99 = Target.atMost("B1 p99, edits affecting ≤ 50 pages", 250, Figures::millis);
    private static final int[][] PAGE_BUCKETS = {{1, 10}, {11, 20}, {21, 50}, {51, 100}, {101, 200}, {201, Integer.MAX_VALUE}};

    /** The median over every edit, in milliseconds. */
    public double p50Millis() {
        return percentiles(edit -> true).median();
    }

    /** The median over the edits affecting at most 50 pages, in milliseconds. */
    public double smallEditsP50Millis() {
        return percentiles(PropagationResult::isSmall).median();
    }

    public void writeTo(Report report) {
        report.heading(2, "B1 propagation");
        report.paragraph(edits.size() + " single price edits, one after another (seed " + seed + "). Each makes one active"
                + " route of a model its cheapest, with prices no other edit uses, so the page's pricing table shows them"
                + " (e.g. `$0.0000100001/1M tokens`). Time per edit: from just before the PUT to the answer in which the"
                + " last of the model's live pages (comparison-service `/api/pairs?model=`) served the new price;"
                + " " + pollers + " pollers, each page polled about every 5 ms with If-None-Match. A page not showing it within "
                + Figures.seconds(timeout.toMillis() / 1000.0) + " is a timeout; a timed-out edit counts as infinitely slow.");
        report.table(List.of("edits", "count", "timeouts", "p50", "p99", "max"), List.of(
                row("all", edit -> true),
                row("affecting ≤ 50 pages", PropagationResult::isSmall),
                row("affecting > 50 pages", edit -> !isSmall(edit))));

        List<List<String>> groups = new ArrayList<>();
        for (EditPlanner.Group group : EditPlanner.Group.values()) {
            Predicate<EditResult> inGroup = edit -> edit.planned().group() == group;
            Percentiles pages = Percentiles.of(edits.stream().filter(inGroup).map(edit -> (double) edit.pages()).toList());
            Percentiles millis = percentiles(inGroup);
            groups.add(List.of(group.label, String.valueOf(millis.count()),
                    pages.count() == 0 ? "-" : Figures.number(pages.min()) + "–" + Figures.number(pages.max()),
                    Figures.millis(millis.median()), Figures.millis(millis.percentile(99))));
        }
        report.paragraph("By the group the model was picked from (models ranked by their number of pages):");
        report.table(List.of("models with", "edits", "pages per edit", "p50", "p99"), groups);

        Percentiles pagesPerEdit = Percentiles.of(edits.stream().map(edit -> (double) edit.pages()).toList());
        List<List<String>> distribution = new ArrayList<>();
        for (int[] bucket : PAGE_BUCKETS) {
            long count = edits.stream().filter(edit -> edit.pages() >= bucket[0] && edit.pages() <= bucket[1]).count();
            distribution.add(List.of(bucket[1] == Integer.MAX_VALUE ? bucket[0] + "+" : bucket[0] + "–" + bucket[1],
                    String.valueOf(count)));
        }
        report.paragraph("Pages per edit: min " + Figures.number(pagesPerEdit.min()) + ", median "
                + Figures.number(pagesPerEdit.median()) + ", max " + Figures.number(pagesPerEdit.max()) + ".");
        report.table(List.of("pages per edit", "edits"), distribution);

        report.paragraph("From the service's metric (page-service `llmref_propagation_seconds{source=\"pricing.RouteChanged.v1\"}`,"
                + " the bucket counts before and after B1, interpolated within a bucket; one observation per page rendered, from the"
                + " edit being accepted to the page being served): " + Figures.number(serviceHistogram.count())
                + " pages, p50 " + Figures.millis(serviceHistogram.quantile(0.5) * 1000) + ", p99 "
                + Figures.millis(serviceHistogram.quantile(0.99) * 1000) + ".");

        if (edits.size() < planned) {
            report.paragraph("**B1 stopped after " + edits.size() + " of " + planned + " edits**: "
                    + Propagation.CONSECUTIVE_TIMEOUTS_TO_STOP + " edits in a row had a page that never showed them, so the"
                    + " pages are not updating.");
        }
        List<String> timeouts = edits.stream().filter(EditResult::timedOut).limit(10)
                .map(edit -> "edit " + edit.number() + " (" + edit.planned().modelId() + ", " + edit.pages() + " pages): "
                        + edit.timedOutPages().size() + " pages timed out, e.g. " + edit.timedOutPages().get(0))
                .toList();
        if (!timeouts.isEmpty()) {
            report.paragraph("Edits with pages that did not show the new price in time:");
            report.bullets(timeouts);
        }
        Percentiles small = percentiles(PropagationResult::isSmall);
        report.outcome(SMALL_P50.check(small.median()));
        report.outcome(SMALL_P99.check(small.percentile(99)));
    }

    private List<String> row(String label, Predicate<EditResult> which) {
        Percentiles millis = percentiles(which);
        long timeouts = edits.stream().filter(which).filter(EditResult::timedOut).count();
        return List.of(label, String.valueOf(millis.count()), String.valueOf(timeouts), Figures.millis(millis.median()),
                Figures.millis(millis.percentile(99)), Figures.millis(millis.max()));
    }

    private Percentiles percentiles(Predicate<EditResult> which) {
        return Percentiles.of(edits.stream().filter(which).map(EditResult::millis).toList());
    }

    private static boolean isSmall(EditResult edit) {
        return edit.pages() <= SMALL_EDIT_PAGES;
    }
}
