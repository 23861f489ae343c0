package org.llmreference.bench.site.rebuild;

import java.util.ArrayList;
import java.util.List;

import org.llmreference.bench.site.report.Figures;
import org.llmreference.bench.site.report.Percentiles;
import org.llmreference.bench.site.report.Report;
import org.llmreference.bench.site.report.Target;

/**
 * What B4 measured: the Hugo builds, and how they compare with B1's median edit.
 *
 * @param livePairs       the live pairs listed when the export started
 * @param exported        comparisons written as pages (a live pair without a comparison yet has none)
 * @param buildSeconds    each full build, in the order run
 * @param reportedPages   the page count Hugo printed for the last build (the pages plus the home page)
 * @param b1MedianMillis  B1's p50 over all edits (NaN when B1 did not run)
 */
public record RebuildResult(int livePairs, int exported, double exportSeconds, String hugoVersion, List<Double> buildSeconds,
        int reportedPages, double b1MedianMillis, double b1SmallMedianMillis) {

    static final Target VERSUS_B1 = Target.atLeast("B4 fastest Hugo build ÷ B1 p50 (all edits)", 150, Figures::ratio);
    static final Target VERSUS_SMALL_B1 = Target.atLeast("B4 fastest Hugo build ÷ B1 p50 (edits affecting ≤ 50 pages)", 150,
            Figures::ratio);

    public void writeTo(Report report) {
        Percentiles builds = Percentiles.of(buildSeconds);
        report.heading(2, "B4 against a full static rebuild (Hugo)");
        report.paragraph("Every live pair's comparison (comparison-service `/api/comparisons/{pair}`) written as a Hugo page,"
                + " its JSON as the page's front matter, and rendered by the templates in `bench/hugo/` (the sections of our"
                + " page: title, intro, verdict with its score table, scorecard, tradeoffs, monthly cost and curve, switch"
                + " friction, specs, pricing, capabilities and benchmark tables, deep dive, FAQ, related pairs, sources)."
                + " Each build is a whole `hugo` run into a fresh public folder, timed from start to exit. " + hugoVersion + ".");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("pages exported", exported + (exported == livePairs ? ""
                : " of " + livePairs + " live pairs (the others have no comparison yet: 404/410)")));
        rows.add(List.of("export (not part of the build)", Figures.seconds(exportSeconds)));
        for (int i = 0; i < buildSeconds.size(); i++) {
            rows.add(List.of("build " + (i + 1), Figures.seconds(buildSeconds.get(i))));
        }
        rows.add(List.of("best / median build", Figures.seconds(builds.min()) + " / " + Figures.seconds(builds.median())));
        rows.add(List.of("pages Hugo reports", String.valueOf(reportedPages)));
        rows.add(List.of("best build ÷ B1 p50 (all edits, " + Figures.millis(b1MedianMillis) + ")",
                Figures.ratio(ratio(builds.min(), b1MedianMillis))));
        rows.add(List.of("best build ÷ B1 p50 (≤ 50 pages, " + Figures.millis(b1SmallMedianMillis) + ")",
                Figures.ratio(ratio(builds.min(), b1SmallMedianMillis))));
        rows.add(List.of("median build ÷ B1 p50 (all / ≤ 50 pages)", Figures.ratio(ratio(builds.median(), b1MedianMillis))
                + " / " + Figures.ratio(ratio(builds.median(), b1SmallMedianMillis))));
        report.table(List.of("figure", "value"), rows);
        if (Double.isNaN(b1MedianMillis)) {
            report.paragraph("B1 did not run in this run, so the ratios cannot be computed.");
        } else if (!Double.isFinite(b1MedianMillis) || !Double.isFinite(b1SmallMedianMillis)) {
            report.paragraph("B1's median edit timed out, so there is no ratio to give.");
        }
        report.outcome(VERSUS_B1.check(ratio(builds.min(), b1MedianMillis)));
        report.outcome(VERSUS_SMALL_B1.check(ratio(builds.min(), b1SmallMedianMillis)));
    }

    /** NaN (not measured) unless B1 has a finite median: a median that timed out gives no ratio. */
    private static double ratio(double buildSeconds, double editMillis) {
        return Double.isFinite(editMillis) ? buildSeconds * 1000 / editMillis : Double.NaN;
    }
}
