package org.llmreference.bench.site.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmreference.bench.site.report.Report;
import org.llmreference.bench.site.report.Target;

class RebuildResultTest {

    private static List<String> outcomes(double b1Median, double b1SmallMedian) {
        Report report = new Report();
        new RebuildResult(100, 100, 1.0, "hugo v0.111.3", List.of(9.0, 6.0, 7.0), 101, b1Median, b1SmallMedian)
                .writeTo(report);
        return report.outcomes().stream().map(Target.Outcome::line).toList();
    }

    @Test
    void comparesTheFastestBuildWithBothMedians() {
        assertThat(outcomes(30, 50)).containsExactly(
                "**MET** B4 fastest Hugo build ÷ B1 p50 (all edits): 200× (target ≥ 150×)",
                "**MISSED** B4 fastest Hugo build ÷ B1 p50 (edits affecting ≤ 50 pages): 120× (target ≥ 150×)");
    }

    @Test
    void givesNoRatioWhenB1DidNotRunOrItsMedianTimedOut() {
        assertThat(outcomes(Double.NaN, Double.NaN)).allMatch(line -> line.startsWith("**MISSED**") && line.contains("not measured"));
        assertThat(outcomes(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY))
                .allMatch(line -> line.startsWith("**MISSED**") && line.contains("not measured"));
    }
}
